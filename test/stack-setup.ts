import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { startFaultProxy } from '../local/fault-proxy/index.ts';
import { startNeonGateway } from '../local/neon-gateway/index.ts';
import { startPostgres } from '../local/postgres/index.ts';
import { startRedis } from '../local/redis/index.ts';
import { startUpstashGateway } from '../local/upstash-gateway/index.ts';

export interface TestStack {
  /** A running PostgreSQL, reached through the Neon gateway at `neonEndpoint`. */
  databaseUrl: string;
  neonEndpoint: string;
  /** A PostgreSQL that was started, then stopped. */
  stoppedDatabaseUrl: string;
  /** The Upstash gateway in front of a running Redis, and its token. */
  upstashUrl: string;
  upstashToken: string;
  /** An Upstash gateway whose Redis was stopped. */
  stoppedRedisUpstashUrl: string;
  /** An Upstash gateway whose Redis is frozen (SIGSTOP): connections accepted, nothing answered. */
  frozenRedisUpstashUrl: string;
  /** Fault proxies in front of the Neon and the Upstash gateways. */
  neonFaults: string;
  upstashFaults: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: TestStack;
  }
}

/** Real PostgreSQL and Redis servers and their gateways, started before the Worker tests, stopped after. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const stops: (() => Promise<void>)[] = [];
  const cleanup = async (): Promise<void> => {
    for (const stop of stops.reverse()) await stop().catch(() => {});
  };
  try {
    const token = randomBytes(16).toString('hex');
    const [pg, stoppedPg, redis, stoppedRedis, frozenRedis, neon] = await Promise.all([
      startPostgres(),
      startPostgres(),
      startRedis(),
      startRedis(),
      startRedis(),
      startNeonGateway(),
    ]);
    stops.push(pg.stop, stoppedPg.stop, redis.stop, stoppedRedis.stop, async () => {
      frozenRedis.thaw();
      await frozenRedis.stop();
    }, neon.close);
    const [upstash, upstashOfStopped, upstashOfFrozen] = await Promise.all([
      startUpstashGateway({ redisUrl: redis.url, token }),
      startUpstashGateway({ redisUrl: stoppedRedis.url, token }),
      startUpstashGateway({ redisUrl: frozenRedis.url, token, commandTimeoutMs: 0 }),
    ]);
    stops.push(upstash.close, upstashOfStopped.close, upstashOfFrozen.close);
    await stoppedPg.stop();
    await stoppedRedis.stop();
    frozenRedis.freeze();
    const [neonFaults, upstashFaults] = await Promise.all([startFaultProxy(neon.url), startFaultProxy(upstash.url)]);
    stops.push(neonFaults.close, upstashFaults.close);

    project.provide('stack', {
      databaseUrl: pg.url,
      neonEndpoint: neon.endpoint,
      stoppedDatabaseUrl: stoppedPg.url,
      upstashUrl: upstash.url,
      upstashToken: token,
      stoppedRedisUpstashUrl: upstashOfStopped.url,
      frozenRedisUpstashUrl: upstashOfFrozen.url,
      neonFaults: neonFaults.url,
      upstashFaults: upstashFaults.url,
    });
  } catch (error) {
    await cleanup();
    throw error;
  }
  return cleanup;
}
