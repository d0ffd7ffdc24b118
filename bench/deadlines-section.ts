/**
 * Sections 2 and 3: what a readiness probe adds to its slowest dependency,
 * and how late an answer comes when a dependency never answers, for
 * edge-health and for each peer, over HTTP from a separate process.
 */
import { Redis } from '@upstash/redis';
import { startExternalApi } from '../local/external-api/index.ts';
import { startRedis } from '../local/redis/index.ts';
import { startUpstashGateway } from '../local/upstash-gateway/index.ts';
import { startHttpFixtures } from '../test/support/http-fixtures.ts';
import { buildNodeServer } from './build.ts';
import { spread, startNodeServer } from './measure.ts';
import type { Dep } from './targets/deps.ts';
import type { Spread } from './throughput.ts';

export const DELAYS_MS = [20, 50, 120];
export const TIMEOUT_MS = 300;
const PROBES = 15;
const CONCURRENT = 50;
const CAP_MS = 5000;

export const DEADLINE_TARGETS: [string, string][] = [
  ['edge-health', 'edge-health'],
  ['naive handler (Promise.allSettled)', 'naive handler'],
  ['sequential handler', 'sequential handler'],
  ['Hono /health route', 'Hono /health route (@hono/node-server)'],
  ['@godaddy/terminus', '@godaddy/terminus'],
  ['@cloudnative/health', '@cloudnative/health'],
];

export interface DeadlineRow {
  label: string;
  /** Answer time minus `minusMs`, probes one at a time. */
  sequential: Spread;
  /** The same under `CONCURRENT` probes at once (timeout section only). */
  concurrent?: Spread;
  status: number;
}

async function timed(url: string): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const response = await fetch(url, { signal: AbortSignal.timeout(CAP_MS) }).catch(() => undefined);
  await response?.arrayBuffer();
  return { ms: performance.now() - started, status: response?.status ?? 0 };
}

async function probe(script: string, target: string, deps: Dep[], minusMs: number, concurrent: boolean): Promise<Omit<DeadlineRow, 'label'>> {
  const server = await startNodeServer(script, target, { BENCH_DEPS: JSON.stringify(deps) });
  try {
    const url = `${server.url}${server.ready}`;
    await timed(url);
    const times: number[] = [];
    let status = 0;
    for (let i = 0; i < PROBES; i += 1) {
      const answer = await timed(url);
      times.push(answer.ms - minusMs);
      status = answer.status;
    }
    const row: Omit<DeadlineRow, 'label'> = { sequential: spread(times), status };
    if (concurrent) {
      const answers = await Promise.all(Array.from({ length: CONCURRENT }, () => timed(url)));
      row.concurrent = spread(answers.map((answer) => answer.ms - minusMs));
    }
    return row;
  } finally {
    await server.stop();
  }
}

export async function addedLatency(log: (line: string) => void): Promise<DeadlineRow[]> {
  const api = await startExternalApi();
  const script = await buildNodeServer();
  const deps: Dep[] = DELAYS_MS.map((ms, i) => ({ name: `dep${i}`, url: `${api.url}/slow/${ms}`, timeoutMs: 1000 }));
  const rows: DeadlineRow[] = [];
  try {
    for (const [label, target] of DEADLINE_TARGETS) {
      rows.push({ label, ...(await probe(script, target, deps, Math.max(...DELAYS_MS), false)) });
      log(`  added latency ${label}: p50 ${rows.at(-1)?.sequential.median.toFixed(1)} ms`);
    }
  } finally {
    await api.close();
  }
  return rows;
}

/** A dependency that accepts and never answers: an HTTP server, then Redis behind the Upstash gateway. */
export async function timeoutPrecision(log: (line: string) => void): Promise<DeadlineRow[]> {
  const fixtures = await startHttpFixtures();
  const redis = await startRedis();
  const gateway = await startUpstashGateway({ redisUrl: redis.url, token: 'bench-token', commandTimeoutMs: 0 });
  redis.freeze();
  const script = await buildNodeServer();
  const rows: DeadlineRow[] = [];
  try {
    const silent: Dep[] = [{ name: 'silent', url: `${fixtures.silent}/`, timeoutMs: TIMEOUT_MS }];
    for (const [label, target] of DEADLINE_TARGETS.filter(([, t]) => t !== 'sequential handler')) {
      rows.push({ label: `${label}, HTTP`, ...(await probe(script, target, silent, TIMEOUT_MS, true)) });
      log(`  timeout ${label}: p50 ${rows.at(-1)?.sequential.median.toFixed(1)} ms late`);
    }
    const upstash: Dep[] = [{ name: 'redis', upstash: { url: gateway.url, token: 'bench-token' }, timeoutMs: TIMEOUT_MS }];
    rows.push({ label: 'edge-health, Upstash Redis (upstashCheck)', ...(await probe(script, 'edge-health', upstash, TIMEOUT_MS, true)) });
    rows.push({ label: '@upstash/redis default options, redis.ping()', ...(await upstashDefault(gateway.url)) });
  } finally {
    redis.thaw();
    await gateway.close();
    await redis.stop();
    await fixtures.close();
  }
  return rows;
}

/** What a user gets from the client alone: no deadline of its own, so the answer waits for the cap. */
async function upstashDefault(url: string): Promise<Omit<DeadlineRow, 'label'>> {
  const client = new Redis({ url, token: 'bench-token' });
  const started = performance.now();
  const outcome = await Promise.race([
    client.ping().then(
      () => 200,
      () => 503,
    ),
    new Promise<number>((resolve) => setTimeout(() => resolve(0), CAP_MS)),
  ]);
  return { sequential: spread([performance.now() - started - TIMEOUT_MS]), status: outcome };
}
