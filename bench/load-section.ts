/**
 * Section 4: the calls each design sends to its dependencies, counted where
 * they arrive: the external API stand-in's hit counter and Redis's own
 * `INFO commandstats` (through the Upstash gateway), never in our code.
 */
import { Redis as IORedis } from 'ioredis';
import { startRedis } from '../local/redis/index.ts';
import { startUpstashGateway } from '../local/upstash-gateway/index.ts';
import { startHttpFixtures } from '../test/support/http-fixtures.ts';
import { buildNodeServer } from './build.ts';
import { autocannon, startNodeServer } from './measure.ts';
import type { Dep } from './targets/deps.ts';

export const LOAD_TARGETS: [string, string][] = [
  ['edge-health, cacheMs 0', 'edge-health'],
  ['edge-health, per-isolate cache (cacheMs 10 s)', 'edge-health, cacheMs 10 s'],
  ['naive handler', 'naive handler'],
  ['@godaddy/terminus', '@godaddy/terminus'],
];

export const PROBES = 1000;

type Counts = [number, number, number, number];

export interface LoadRow {
  label: string;
  /** [API calls, Redis PINGs, probes answered 200, p99 ms] for 1,000 probes over 10 s, then for 1,000 at once. */
  paced: Counts;
  burst: Counts;
}

async function pings(redis: IORedis): Promise<number> {
  const info = await redis.info('commandstats');
  return Number(/cmdstat_ping:calls=(\d+)/.exec(info)?.[1] ?? 0);
}

export async function dependencyLoad(log: (line: string) => void): Promise<LoadRow[]> {
  const fixtures = await startHttpFixtures();
  const redis = await startRedis();
  const gateway = await startUpstashGateway({ redisUrl: redis.url, token: 'bench-token' });
  const counter = new IORedis(redis.url);
  const script = await buildNodeServer();
  const rows: LoadRow[] = [];
  try {
    for (const [i, [label, target]] of LOAD_TARGETS.entries()) {
      const count = async (id: string): Promise<[number, number]> => {
        const hits = ((await (await fetch(`${fixtures.http}/hits/${id}`)).json()) as { hits: number }).hits;
        return [hits, await pings(counter)];
      };
      const run = async (id: string, options: Parameters<typeof autocannon>[1]): Promise<Counts> => {
        const deps: Dep[] = [
          { name: 'api', url: `${fixtures.http}/tracked/${id}`, timeoutMs: 2000 },
          { name: 'redis', upstash: { url: gateway.url, token: 'bench-token' }, timeoutMs: 2000 },
        ];
        const server = await startNodeServer(script, target, { BENCH_DEPS: JSON.stringify(deps) });
        try {
          const before = await count(id);
          const load = await autocannon(`${server.url}${server.ready}`, options);
          const after = await count(id);
          return [after[0] - before[0], after[1] - before[1], load.requests - load.non2xx, load.p99];
        } finally {
          await server.stop();
        }
      };
      const paced = await run(`paced${i}`, { connections: 10, amount: PROBES, overallRate: PROBES / 10 });
      const burst = await run(`burst${i}`, { connections: PROBES, amount: PROBES });
      rows.push({ label, paced, burst });
      log(`  dependency load ${label}: paced ${paced.join('/')}, burst ${burst.join('/')}`);
    }
  } finally {
    counter.disconnect();
    await gateway.close();
    await redis.stop();
    await fixtures.close();
  }
  return rows;
}
