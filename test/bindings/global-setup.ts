import type { TestProject } from 'vitest/node';
import { startPostgres } from '../../local/postgres/index.ts';
import { startRedis } from '../../local/redis/index.ts';
import { freePort } from '../../local/server/index.ts';
import { serveStats, startBlackhole } from './blackhole.ts';

export interface BindingsStack {
  /** A real PostgreSQL: Hyperdrive's local connection string. */
  postgresUrl: string;
  /** A real redis-server on 127.0.0.1. */
  redisPort: number;
  /** A listener that accepts connections and never sends a byte. */
  blackholePort: number;
  /** Its counts of accepted and still-open connections, as JSON. */
  blackholeStatsUrl: string;
  /** A port nothing listens on. */
  refusedPort: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    bindings: BindingsStack;
  }
}

/** Real PostgreSQL and Redis, a blackhole listener and a refused port, for the binding and TCP checks. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [postgres, redis, blackhole, refusedPort] = await Promise.all([startPostgres(), startRedis(), startBlackhole(), freePort()]);
  const stats = await serveStats(blackhole);
  // Wrangler's documented way to give a Hyperdrive binding its local connection string.
  process.env.CLOUDFLARE_HYPERDRIVE_LOCAL_CONNECTION_STRING_HYPERDRIVE = postgres.url;
  project.provide('bindings', { postgresUrl: postgres.url, redisPort: redis.port, blackholePort: blackhole.port, blackholeStatsUrl: stats.url, refusedPort });
  return async () => {
    await Promise.all([postgres.stop(), redis.stop(), blackhole.close(), stats.close()]);
  };
}
