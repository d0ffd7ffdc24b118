import { Redis, type RedisClient } from './ioredis.ts';

type Redis = RedisClient;

export interface ConnectRedisOptions {
  connectTimeoutMs: number;
  /** 0 disables the bound. */
  commandTimeoutMs: number;
  log: (line: string) => void;
}

export interface RedisConnection {
  redis: Redis;
  /** Drops the connection at once; in-flight commands fail. */
  close(): void;
}

/** Thrown when the gateway cannot reach Redis at startup. */
export class RedisConnectError extends Error {
  override name = 'RedisConnectError' as const;
}

/**
 * Opens the gateway's single Redis connection, configured to fail fast:
 * while Redis is down every command errors at once instead of queueing,
 * and in-flight commands are rejected as soon as the connection drops.
 * Reconnects in the background, so the gateway recovers when Redis is back.
 */
export async function connectRedis(redisUrl: string, options: ConnectRedisOptions): Promise<RedisConnection> {
  const shownUrl = redactUrl(redisUrl);
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    // Upstash answers in RESP2 shapes (flat arrays, doubles as strings).
    protocol: 2,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: options.connectTimeoutMs,
    ...(options.commandTimeoutMs > 0 ? { commandTimeout: options.commandTimeoutMs } : {}),
    retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
    connectionName: 'edge-health-upstash-gateway',
  });
  let closing = false;
  let everReady = false;
  let ready = false;
  redis.on('ready', () => {
    if (everReady) options.log(`Redis at ${shownUrl} is back.`);
    everReady = ready = true;
  });
  redis.on('close', () => {
    if (ready && !closing) options.log(`Lost Redis at ${shownUrl}; answering 502 until it is back.`);
    ready = false;
  });
  // Failures reach callers per request; without a listener ioredis would print every reconnect attempt.
  redis.on('error', () => {});
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    const reason = error instanceof Error ? error.message : String(error);
    throw new RedisConnectError(
      `Could not connect to Redis at ${shownUrl} (${reason}). Is it running? ` +
        '`npx tsx local/redis/cli.ts` starts a throwaway one and prints its URL.',
      { cause: error },
    );
  }
  return {
    redis,
    close() {
      closing = true;
      redis.disconnect();
    },
  };
}

/** `redis://user:secret@host` → `redis://user:***@host`, for messages and logs. */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(an unparsable Redis URL)';
  }
}
