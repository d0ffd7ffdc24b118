import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connectRedis } from './connect-redis.ts';
import { createRequestHandler } from './handle-request.ts';
import { sendJson } from './send-json.ts';

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
  const host = options.host ?? '127.0.0.1';
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
  const server = createServer((request, response) => {
    void handleRequest(request)
      .then((reply) => sendJson(response, reply.status, reply.body))
      .catch(() => response.destroy());
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => resolve());
    });
  } catch (error) {
    connection.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        connection.close();
      })),
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
