/**
 * `node --import tsx bench/workerd-paired.ts`: each workerd row against the bare
 * Worker under load AT THE SAME TIME (both workerd processes on the server
 * core, one autocannon of half the connections each on the load core), so that
 * whatever else the shared machine does in a round weighs on both alike: server
 * CPU per request, as bare ÷ row per round. `BENCH_ROWS` narrows the rows (a
 * pattern), `PAIRED_BASE` replaces the bare Worker as the reference (a JSON
 * `[worker, bindings, path]`, e.g. to set two versions of a Worker side by side).
 */
import { buildWorker } from './build.ts';
import { autocannon, cpuMicros, spread } from './measure.ts';
import { CONNECTIONS } from './throughput.ts';
import { serveWorker, type ServedWorker } from './workerd.ts';

type Target = [worker: string, bindings: Record<string, string>, path: string];

const root = new URL('..', import.meta.url).pathname;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROWS: [string, Target][] = [
  ['edge-health liveness', ['edge-health', {}, '/health/live']],
  ['edge-health readiness, per-isolate cache', ['edge-health', { CACHE_MS: '10000' }, '/health/ready']],
  ['Hono /health route', ['hono', {}, '/health']],
  ['liveness answer made ahead (same bytes)', ['same-shape', {}, '/health/live']],
  ['readiness answer made ahead (same bytes)', ['same-shape', {}, '/health/ready']],
];
const base: Target = process.env.PAIRED_BASE ? (JSON.parse(process.env.PAIRED_BASE) as Target) : ['bare', {}, '/'];
const wanted = new RegExp(process.env.BENCH_ROWS ?? '.');
const pct = (value: number): string => `${(value * 100).toFixed(0)} %`;

const serve = async ([worker, bindings, path]: Target): Promise<ServedWorker & { target: string }> => {
  const served = await serveWorker(await buildWorker(`${root}bench/targets/workers/${worker}.ts`, worker), bindings);
  return { ...served, target: `${served.url}${path}` };
};

/** CPU-µs per request of each worker, both loaded at once. */
async function together(workers: { target: string; pid: number }[]): Promise<number[]> {
  const before = workers.map((worker) => cpuMicros(worker.pid));
  const loads = await Promise.all(workers.map((worker) => autocannon(worker.target, { connections: CONNECTIONS / 2, seconds: SECONDS })));
  return workers.map((worker, i) => (cpuMicros(worker.pid) - (before[i] ?? 0)) / Math.max(loads[i]?.requests ?? 0, 1));
}

const reference = await serve(base);
try {
  for (const [label, target] of ROWS.filter(([label]) => wanted.test(label))) {
    const row = await serve(target);
    try {
      await Promise.all([reference, row].map((worker) => autocannon(worker.target, { connections: CONNECTIONS / 2, amount: 5000 })));
      const rounds: number[][] = [];
      for (let round = 0; round < ROUNDS; round++) rounds.push(await together([reference, row]));
      const ratio = spread(rounds.map(([b = NaN, r = NaN]) => b / r));
      const cpu = (i: number): string => spread(rounds.map((round) => round[i] ?? NaN)).median.toFixed(1);
      console.log(`${label.padEnd(44)} CPU ratio ${pct(ratio.median)} (${pct(ratio.min)}–${pct(ratio.max)}); ${cpu(1)} CPU-µs/req against ${cpu(0)}`);
    } finally {
      await row.dispose();
    }
  }
} finally {
  await reference.dispose();
}
