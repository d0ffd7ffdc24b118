import { ReplyError } from './ioredis.ts';

/** A failure the gateway answers with `status` and `{ error: message }`. */
export class GatewayHttpError extends Error {
  override name = 'GatewayHttpError' as const;
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** An error reply from Redis itself (WRONGTYPE, ERR …), as opposed to a transport failure. */
export const isReplyError = (error: unknown): error is Error => error instanceof ReplyError;

/**
 * Maps an ioredis failure to the answer Upstash would give: Redis's own error
 * replies are the caller's problem (400), a silent Redis is a gateway timeout
 * (504) and anything else means Redis cannot be reached (502).
 */
export function toGatewayHttpError(error: unknown): GatewayHttpError {
  if (error instanceof GatewayHttpError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (isReplyError(error)) return new GatewayHttpError(400, message);
  if (message === 'Command timed out') {
    return new GatewayHttpError(504, 'Redis did not answer in time (the gateway command timeout elapsed).');
  }
  return new GatewayHttpError(502, `Redis is unreachable: ${message}`);
}
