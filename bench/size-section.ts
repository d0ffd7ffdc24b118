/**
 * Section 5: what each Worker weighs (minified, gzipped) and how long a cold
 * isolate takes to load it and answer its first request.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { buildWorker } from './build.ts';
import { spread } from './measure.ts';
import type { Spread } from './throughput.ts';
import { miniflareFor } from './workerd.ts';

const root = new URL('..', import.meta.url).pathname;
const COLD_RUNS = 5;

/** The target's row: what a Worker calling createHealth and createHealthRouter bundles of ours. */
export const OWN_CODE_USED = 'our own code as a Worker ships it: createHealth + createHealthRouter, without itty-router';

/** [label, entry, packages left out, path of the first request, bindings] */
const BUNDLES: [string, string, string[], string, Record<string, string>][] = [
  ['bare Worker (reference)', 'bench/targets/workers/bare.ts', [], '/', {}],
  ['edge-health Worker, all checks (src/worker.ts)', 'src/worker.ts', [], '/health/live', {}],
  ['our own code: core + router, every export, without itty-router', 'bench/targets/workers/own-code.ts', ['itty-router'], '', {}],
  ['our own code: core + router, every export, with itty-router', 'bench/targets/workers/own-code.ts', [], '', {}],
  [OWN_CODE_USED, 'bench/targets/workers/own-code-used.ts', ['itty-router'], '', {}],
  ['HTTP-only Worker (test/fixtures/http-only-worker)', 'test/fixtures/http-only-worker/worker.ts', [], '/health/live', { API_URL: 'http://127.0.0.1:9/' }],
  ['Hono hello world (reference)', 'bench/targets/workers/hono-hello.ts', [], '/', {}],
];

export interface SizeRow {
  label: string;
  bytes: number;
  gzip: number;
  /** `new Miniflare(...).ready` plus the first request, on a fresh workerd. */
  coldMs?: Spread;
}

async function coldStart(script: string, path: string, bindings: Record<string, string>): Promise<Spread> {
  const times: number[] = [];
  for (let i = 0; i < COLD_RUNS; i += 1) {
    const started = performance.now();
    const mf = miniflareFor(script, bindings);
    try {
      await mf.ready;
      await (await mf.dispatchFetch(`http://bench${path}`)).arrayBuffer();
      times.push(performance.now() - started);
    } finally {
      await mf.dispose();
    }
  }
  return spread(times);
}

export async function sizeSection(log: (line: string) => void): Promise<SizeRow[]> {
  const rows: SizeRow[] = [];
  // Why: the first workerd start of a run also loads its binary from disk; no bundle should carry that.
  await coldStart(await buildWorker(`${root}${BUNDLES[0]?.[1]}`, 'size-warmup', true), '/', {});
  for (const [i, [label, entry, external, path, bindings]] of BUNDLES.entries()) {
    const script = await buildWorker(`${root}${entry}`, `size-${i}`, true, external);
    const code = readFileSync(script);
    const row: SizeRow = { label, bytes: code.length, gzip: gzipSync(code, { level: 9 }).length };
    if (path) row.coldMs = await coldStart(script, path, bindings);
    rows.push(row);
    log(`  size ${label}: ${(row.gzip / 1024).toFixed(1)} KiB gzip, cold ${row.coldMs?.median.toFixed(0) ?? '-'} ms`);
  }
  return rows;
}
