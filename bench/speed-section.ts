/**
 * Section 1: every target on Node and in workerd, started once, measured in
 * interleaved rounds against the bare handler of its runtime.
 */
import { buildNodeServer, buildWorker } from './build.ts';
import { startNodeServer, type NodeServer } from './measure.ts';
import { generatorCheck, throughput, type Endpoint, type Row } from './throughput.ts';
import { serveWorker, type ServedWorker } from './workerd.ts';

const root = new URL('..', import.meta.url).pathname;

/** [label, target in node-targets.ts, which endpoint] */
const NODE_ROWS: [string, string, 'live' | 'ready'][] = [
  ['bare node:http', 'bare node:http', 'live'],
  ['our Node adapter, new Response("ok")', 'our adapter, new Response("ok")', 'live'],
  ['edge-health liveness', 'edge-health', 'live'],
  ['edge-health readiness, 3 no-op checks', 'edge-health', 'ready'],
  ['edge-health readiness, per-isolate cache', 'edge-health, cacheMs 10 s', 'ready'],
  ['Hono /health route (@hono/node-server)', 'Hono /health route (@hono/node-server)', 'live'],
  ['naive handler, 3 no-op checks', 'naive handler', 'ready'],
  ['@godaddy/terminus liveness', '@godaddy/terminus', 'live'],
  ['@godaddy/terminus readiness, 3 no-op checks', '@godaddy/terminus', 'ready'],
  ['lightship /live', 'lightship', 'live'],
  ['@cloudnative/health readiness, 3 no-op checks', '@cloudnative/health', 'ready'],
];

/** [label, worker source, bindings, path] */
const WORKER_ROWS: [string, string, Record<string, string>, string][] = [
  ['bare Worker, new Response("ok")', 'bare', {}, '/'],
  ['edge-health liveness', 'edge-health', {}, '/health/live'],
  ['edge-health readiness, 3 no-op checks', 'edge-health', {}, '/health/ready'],
  ['edge-health readiness, per-isolate cache', 'edge-health', { CACHE_MS: '10000' }, '/health/ready'],
  ['Hono /health route', 'hono', {}, '/health'],
  ['naive handler, 3 no-op checks', 'naive', {}, '/'],
];

export interface SpeedResult {
  rows: Row[];
  generator: Awaited<ReturnType<typeof generatorCheck>>;
}

export interface SpeedOptions {
  rounds: number;
  seconds: number;
  log: (line: string) => void;
  /** @default ['Node', 'workerd'] */
  runtimes?: string[];
  /** Keeps only the rows whose label matches (the bare row of each runtime always stays: it is the denominator). @default every row */
  rows?: RegExp;
}

export async function speedSection(options: SpeedOptions): Promise<SpeedResult> {
  const runtimes = options.runtimes ?? ['Node', 'workerd'];
  const wanted = ([label]: [string, ...unknown[]], i: number): boolean => i === 0 || (options.rows?.test(label) ?? true);
  const script = await buildNodeServer();
  const servers = new Map<string, NodeServer>();
  const workers: ServedWorker[] = [];
  const endpoints: Endpoint[] = [];
  try {
    if (runtimes.includes('Node')) {
      for (const [label, target, kind] of NODE_ROWS.filter(wanted)) {
        if (!servers.has(target)) servers.set(target, await startNodeServer(script, target));
        const server = servers.get(target) as NodeServer;
        endpoints.push({ label, runtime: 'Node', url: `${server.url}${server[kind]}`, pid: server.pid });
      }
    }
    if (runtimes.includes('workerd')) {
      for (const [label, source, bindings, path] of WORKER_ROWS.filter(wanted)) {
        const worker = await serveWorker(await buildWorker(`${root}bench/targets/workers/${source}.ts`, source), bindings);
        workers.push(worker);
        endpoints.push({ label, runtime: 'workerd', url: `${worker.url}${path}`, pid: worker.pid });
      }
    }
    const rows: Row[] = [];
    for (const runtime of runtimes) {
      options.log(`${runtime}: ${options.rounds} rounds of ${options.seconds} s per target`);
      rows.push(...(await throughput(endpoints.filter((e) => e.runtime === runtime), options)));
    }
    const generator = await generatorCheck(endpoints[0] as Endpoint, options.seconds);
    return { rows, generator };
  } finally {
    for (const server of servers.values()) await server.stop();
    for (const worker of workers) await worker.dispose();
  }
}

const pct = (v: number | undefined): string => (v === undefined ? '–' : `${(v * 100).toFixed(0)} %`);

/** The throughput table as printed at the end of a run. */
export function speedTable(rows: Row[]): string[] {
  return [
    'runtime  what'.padEnd(59) + 'req/s ratio   CPU-µs/req   CPU ratio   p50 ms',
    ...rows.map(
      (r) =>
        `${r.runtime.padEnd(8)} ${r.label.padEnd(50)} ${pct(r.ratio.median).padStart(6)} ${r.cpuMicros.median.toFixed(1).padStart(12)} ${pct(r.cpuRatio.median).padStart(11)} ${r.p50.median.toFixed(1).padStart(8)}`,
    ),
  ];
}
