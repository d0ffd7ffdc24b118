import { createRequire } from 'node:module';
import { GatewayError } from '../server/index.ts';
import type * as IORedis from 'ioredis';

// Why require: ioredis is CommonJS, and test runners that transform ESM (vite
// with workerd resolve conditions, for the Worker tests' global setup) break its
// exports; Node's own loader does not.
const ioredis = createRequire(import.meta.url)('ioredis') as typeof IORedis;

export const { Redis, ReplyError } = ioredis;
export type { Redis as RedisClient } from 'ioredis';

/** An error reply from Redis itself (WRONGTYPE, ERR …), as opposed to a transport failure. */
export const isReplyError = (error: unknown): error is Error => error instanceof ReplyError;

/**
 * Maps an ioredis failure to the answer Upstash would give: Redis's own error
 * replies are the caller's problem (400), a silent Redis is a gateway timeout
 * (504) and anything else means Redis cannot be reached (502).
 */
export function toGatewayError(error: unknown): GatewayError {
  if (error instanceof GatewayError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (isReplyError(error)) return new GatewayError(400, message);
  if (message === 'Command timed out') {
    return new GatewayError(504, 'Redis did not answer in time (the gateway command timeout elapsed).');
  }
  return new GatewayError(502, `Redis is unreachable: ${message}`);
}
