import { randomBytes } from 'node:crypto';
import { Redis } from '../../local/upstash-gateway/ioredis.ts';
import { startNeonGateway } from '../../local/neon-gateway/index.ts';
import { startPostgres } from '../../local/postgres/index.ts';
import { startRedis } from '../../local/redis/index.ts';
import { startUpstashGateway } from '../../local/upstash-gateway/index.ts';

/** Calls each real server received, read from the servers themselves. */
export interface DependencyCalls {
  /** SQL requests the Neon gateway served (its own request log). */
  postgres: number;
  /** Redis commands by name, from `INFO commandstats`. */
  redis: Record<string, number>;
}

export interface CountedStack {
  /** The variables a deployment needs for Postgres (through the Neon gateway) and Redis (through the Upstash gateway). */
  env: Record<string, string>;
  calls(): Promise<DependencyCalls>;
  stop(): Promise<void>;
}

/**
 * A real PostgreSQL behind the Neon gateway and a real Redis behind the Upstash
 * gateway, whose load is counted where it lands: the gateway's request log and
 * Redis' own command statistics.
 */
export async function startCountedStack(): Promise<CountedStack> {
  let sqlRequests = 0;
  const token = randomBytes(16).toString('hex');
  const [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
  const [neon, upstash] = await Promise.all([
    startNeonGateway({ log: (line) => void (/\/sql/.test(line) && (sqlRequests += 1)) }),
    startUpstashGateway({ redisUrl: redis.url, token }),
  ]);
  const stats = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 0 });
  await stats.connect();
  return {
    env: {
      DATABASE_URL: pg.url,
      NEON_FETCH_ENDPOINT: neon.endpoint,
      UPSTASH_REDIS_REST_URL: upstash.url,
      UPSTASH_REDIS_REST_TOKEN: token,
    },
    async calls() {
      const info = await stats.info('commandstats');
      const redisCalls: Record<string, number> = {};
      for (const [, name, calls] of info.matchAll(/^cmdstat_([\w|]+):calls=(\d+)/gm)) redisCalls[name ?? ''] = Number(calls);
      return { postgres: sqlRequests, redis: redisCalls };
    },
    async stop() {
      stats.disconnect();
      await Promise.allSettled([neon.close(), upstash.close()]);
      await Promise.allSettled([pg.stop(), redis.stop()]);
    },
  };
}

/** How many calls of `command` Redis received between two readings. */
export const redisDelta = (before: DependencyCalls, after: DependencyCalls, command: string): number =>
  (after.redis[command] ?? 0) - (before.redis[command] ?? 0);
