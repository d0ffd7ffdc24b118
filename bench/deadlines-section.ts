/**
 * Sections 2 and 3: what a readiness probe adds to its slowest dependency,
 * and how late an answer comes when a dependency never answers, for
 * edge-health and for each peer, over HTTP from a separate process.
 *
 * Added latency is paired against the physical limit: a bare handler that
 * fetches only the slowest dependency, probed just before or after each probe
 * of a target, every target visited in each round, so that the probe's own
 * round trip, one outbound fetch and the machine's load of the moment cancel out. Each probe's dependency
 * time is read at the dependency's own server, so a timer that fired late
 * there is not blamed on the handler.
 */
import { Agent, get, type Server } from 'node:http';
import { Redis } from '@upstash/redis';
import { startExternalApi } from '../local/external-api/index.ts';
import { startRedis } from '../local/redis/index.ts';
import { startUpstashGateway } from '../local/upstash-gateway/index.ts';
import { startHttpFixtures } from '../test/support/http-fixtures.ts';
import { buildNodeServer } from './build.ts';
import { spread, startNodeServer, type NodeServer } from './measure.ts';
import type { Dep } from './targets/deps.ts';
import type { Spread } from './throughput.ts';

export const DELAYS_MS = [20, 50, 120];
export const TIMEOUT_MS = 300;
const PROBES = 15;
/** Added latency: probes of a target, each paired with one of the physical limit. */
export const PAIRS = 21;
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

/** The reference: the naive handler given only the slowest dependency, i.e. one fetch, then the answer. */
export const PHYSICAL_LIMIT = 'physical limit: one fetch of the slowest dependency, then answer';

export interface DeadlineRow {
  label: string;
  /**
   * Timeouts: answer time minus T. Added latency: what the target adds over
   * the physical limit probed just before or after it (0 for the limit itself).
   */
  sequential: Spread;
  /** The same under `CONCURRENT` probes at once (timeout section only). */
  concurrent?: Spread;
  /** Added latency: answer time minus the slowest dependency's time at its own server. */
  overDependency?: Spread;
  /** Added latency: answer time minus the nominal slowest delay, the plain reading. */
  overNominal?: Spread;
  status: number;
}

// Why node:http and not fetch as the client: undici's fetch cost this machine about
// 2 ms more per probe than node:http (3.7 against 1.3 ms to a bare server), all of
// it the instrument's, and it shares its process with the dependency's server.
const agent = new Agent({ keepAlive: true });

function timed(url: string): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const done = (status: number): void => resolve({ ms: performance.now() - started, status });
    const request = get(url, { agent, signal: AbortSignal.timeout(CAP_MS) }, (response) => {
      response.resume();
      response.once('end', () => done(response.statusCode ?? 0));
      response.once('close', () => done(response.statusCode ?? 0));
    });
    request.once('error', () => done(0));
  });
}

/** How long the dependency's server took for each request: from its head arriving to its answer's last byte sent. */
function serverSideTimes(server: Server): { slowestSince(since: number): number } {
  const answered: { arrived: number; tookMs: number }[] = [];
  server.on('request', (_request, response) => {
    const arrived = performance.now();
    response.once('finish', () => answered.push({ arrived, tookMs: performance.now() - arrived }));
  });
  return {
    slowestSince(since) {
      const took = answered.filter((a) => a.arrived >= since).map((a) => a.tookMs);
      answered.length = 0;
      return Math.max(0, ...took);
    },
  };
}

type Probe = () => Promise<Sample>;

function prober(server: NodeServer, dependency: ReturnType<typeof serverSideTimes>): Probe {
  const url = `${server.url}${server.ready}`;
  return async () => {
    const started = performance.now();
    const { ms, status } = await timed(url);
    return { total: ms, dependency: dependency.slowestSince(started), status };
  };
}

interface Sample {
  total: number;
  dependency: number;
  status: number;
}

/** One probe of `target` and one of the limit, in the given order; the limit's own readings when they are the same. */
async function pair(target: Probe, limit: Probe, targetFirst: boolean): Promise<[Sample, Sample]> {
  const first = await (targetFirst ? target : limit)();
  if (target === limit) return [first, first];
  const second = await (targetFirst ? limit : target)();
  return targetFirst ? [first, second] : [second, first];
}

function addedRow(label: string, pairs: [Sample, Sample][], reference: boolean): DeadlineRow {
  const over = (s: Sample): number => s.total - s.dependency;
  return {
    label,
    sequential: spread(reference ? [0] : pairs.map(([t, l]) => over(t) - over(l))),
    overDependency: spread(pairs.map(([t]) => over(t))),
    overNominal: spread(pairs.map(([t]) => t.total - Math.max(...DELAYS_MS))),
    status: pairs.at(-1)?.[0].status ?? 0,
  };
}

/**
 * `PAIRS` rounds; each round visits every target (in an order that rotates)
 * with a probe of the limit just before or after it, alternating, so that a
 * busier moment of the machine falls on every row and on both sides of a pair.
 */
async function rounds(targets: Probe[], limit: Probe): Promise<[Sample, Sample][][]> {
  const pairs: [Sample, Sample][][] = targets.map(() => []);
  for (const target of targets) await pair(target, limit, true);
  for (let round = 0; round < PAIRS; round += 1) {
    for (let k = 0; k < targets.length; k += 1) {
      const index = (k + round) % targets.length;
      pairs[index]?.push(await pair(targets[index] as Probe, limit, (round + k) % 2 === 0));
    }
  }
  return pairs;
}

export async function addedLatency(log: (line: string) => void): Promise<DeadlineRow[]> {
  const api = await startExternalApi();
  const dependency = serverSideTimes(api.server);
  const script = await buildNodeServer();
  const deps: Dep[] = DELAYS_MS.map((ms, i) => ({ name: `dep${i}`, url: `${api.url}/slow/${ms}`, timeoutMs: 1000 }));
  const servers: NodeServer[] = [];
  try {
    servers.push(await startNodeServer(script, 'naive handler', { BENCH_DEPS: JSON.stringify(deps.slice(-1)) }));
    for (const [, target] of DEADLINE_TARGETS) servers.push(await startNodeServer(script, target, { BENCH_DEPS: JSON.stringify(deps) }));
    const probes = servers.map((server) => prober(server, dependency));
    const limit = probes[0] as Probe;
    const pairs = await rounds(probes, limit);
    const labels = [PHYSICAL_LIMIT, ...DEADLINE_TARGETS.map(([label]) => label)];
    const rows = labels.map((label, i) => addedRow(label, pairs[i] ?? [], i === 0));
    for (const row of rows.slice(1)) {
      log(`  added latency ${row.label}: p50 ${row.sequential.median.toFixed(1)} ms over the limit, ${row.overDependency?.median.toFixed(1)} ms over the dependency`);
    }
    return rows;
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await api.close();
  }
}

async function probe(script: string, target: string, deps: Dep[], minusMs: number): Promise<Omit<DeadlineRow, 'label'>> {
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
    const answers = await Promise.all(Array.from({ length: CONCURRENT }, () => timed(url)));
    return { sequential: spread(times), concurrent: spread(answers.map((answer) => answer.ms - minusMs)), status };
  } finally {
    await server.stop();
  }
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
      rows.push({ label: `${label}, HTTP`, ...(await probe(script, target, silent, TIMEOUT_MS)) });
      log(`  timeout ${label}: p50 ${rows.at(-1)?.sequential.median.toFixed(1)} ms late`);
    }
    const upstash: Dep[] = [{ name: 'redis', upstash: { url: gateway.url, token: 'bench-token' }, timeoutMs: TIMEOUT_MS }];
    rows.push({ label: 'edge-health, Upstash Redis (upstashCheck)', ...(await probe(script, 'edge-health', upstash, TIMEOUT_MS)) });
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
