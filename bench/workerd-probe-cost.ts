/**
 * `node --import tsx bench/workerd-probe-cost.ts`: the CPU time of one call of
 * each Worker's `fetch` inside workerd, with no socket and no Miniflare entry
 * Worker in between (a loop Worker, targets/workers/cost-loop.ts, calls it with
 * a new `Request` and reads the body, `PROBE_CALLS` times in a row; workerd's
 * process CPU time is read around the loop). The in-workerd companion of
 * probe-cost.ts. Why beside the HTTP rows: over HTTP a request costs workerd
 * and Miniflare's entry Worker some 230 CPU-µs, whose spread on this shared
 * machine hides a Worker's own few microseconds.
 */
import { buildWorker } from './build.ts';
import { cpuMicros, spread } from './measure.ts';
import { serveWorker } from './workerd.ts';

const root = new URL('..', import.meta.url).pathname;
const CALLS = Number(process.env.PROBE_CALLS ?? 20_000);
const ROUNDS = Number(process.env.PROBE_ROUNDS ?? 8);
/** [label, target in cost-loop.ts, path] */
const CASES: [string, string, string][] = [
  ['bare', 'bare', '/'],
  ['Hono /health route', 'hono', '/health'],
  ['edge-health liveness', 'edge-health', '/health/live'],
  ['edge-health cached readiness', 'edge-health', '/health/ready'],
];

const worker = await serveWorker(await buildWorker(`${root}bench/targets/workers/cost-loop.ts`, 'cost-loop'), { CACHE_MS: '10000' });
try {
  const perCall = async (target: string, path: string): Promise<number> => {
    const before = cpuMicros(worker.pid);
    const response = await fetch(`${worker.url}/?target=${target}&path=${encodeURIComponent(path)}&n=${CALLS}`);
    if (!response.ok) throw new Error(`${target}: ${response.status} ${await response.text()}`);
    await response.text();
    return (cpuMicros(worker.pid) - before) / CALLS;
  };
  // Why a round unmeasured: V8 optimizes each path first.
  for (const [, target, path] of CASES) await perCall(target, path);
  const samples = CASES.map((): number[] => []);
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [i, [, target, path]] of CASES.entries()) samples[i]?.push(await perCall(target, path));
    console.log(`round ${round}: ${CASES.map(([label], i) => `${label} ${samples[i]?.at(-1)?.toFixed(1)}`).join(', ')} CPU-µs a call`);
  }
  for (const [i, [label]] of CASES.entries()) {
    const { median, min, max } = spread(samples[i] ?? []);
    console.log(`${label.padEnd(30)} ${median.toFixed(1)} CPU-µs a call (${min.toFixed(1)}–${max.toFixed(1)})`);
  }
} finally {
  await worker.dispose();
}
