import { listen, sendJson } from '../server/index.ts';
import { connectRedis } from './connect-redis.ts';
import { createRequestHandler } from './handle-request.ts';

export interface UpstashGatewayOptions {
  /** The Redis to forward to, e.g. `redis://127.0.0.1:6379` (`rediss://` for TLS). */
  redisUrl: string;
  /** The token clients must send as `Authorization: Bearer <token>`. Never logged or echoed. */
  token: string;
  /** @default 0 (a free port the OS picks) */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** How long a Redis command may take before the gateway answers 504; 0 waits forever. @default 10_000 */
  commandTimeoutMs?: number;
  /** How long to wait for a TCP connection to Redis. @default 2_000 */
  connectTimeoutMs?: number;
  /** Larger request bodies get 413. @default 10_485_760 (10 MiB) */
  maxBodyBytes?: number;
  /** Where connection-state lines go ("Lost Redis at …"). @default no logging */
  log?: (line: string) => void;
}

export interface UpstashGateway {
  /** `http://<host>:<port>`, what `@upstash/redis` takes as `url`. */
  readonly url: string;
  readonly port: number;
  /** Stops listening, drops open HTTP connections and the Redis connection. */
  close(): Promise<void>;
}

/**
 * Starts an Upstash-compatible REST gateway in front of a real Redis, for
 * local development and tests (what `serverless-redis-http` does in Docker).
 * Rejects if Redis cannot be reached at startup.
 *
 * @example
 * ```ts
 * const gateway = await startUpstashGateway({ redisUrl: 'redis://127.0.0.1:6379', token: 'dev-token' });
 * const redis = new Redis({ url: gateway.url, token: 'dev-token' }); // from @upstash/redis
 * ```
 */
export async function startUpstashGateway(options: UpstashGatewayOptions): Promise<UpstashGateway> {
  checkOptions(options);
  const connection = await connectRedis(options.redisUrl, {
    connectTimeoutMs: options.connectTimeoutMs ?? 2_000,
    commandTimeoutMs: options.commandTimeoutMs ?? 10_000,
    log: options.log ?? (() => {}),
  });
  const handleRequest = createRequestHandler({
    redis: connection.redis,
    token: options.token,
    maxBodyBytes: options.maxBodyBytes ?? 10 * 1024 * 1024,
  });
  const server = await listen(
    async (request, response) => {
      const reply = await handleRequest(request);
      sendJson(response, reply.status, reply.body);
    },
    { port: options.port ?? 0, host: options.host ?? '127.0.0.1' },
  ).catch((error: unknown) => {
    connection.close();
    throw error;
  });
  return {
    url: server.url,
    port: server.port,
    close: async () => {
      connection.close();
      await server.close();
    },
  };
}

function checkOptions({ redisUrl, token }: UpstashGatewayOptions): void {
  if (typeof token !== 'string' || token.length === 0) {
    throw new TypeError('startUpstashGateway needs a non-empty `token`: the secret clients send as a Bearer token.');
  }
  if (!/^rediss?:\/\//i.test(redisUrl)) {
    throw new TypeError('`redisUrl` must start with redis:// or rediss://, e.g. redis://127.0.0.1:6379.');
  }
}
