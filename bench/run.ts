/**
 * `npm run bench`: speed and size figures (not tests). Runs everything on
 * 127.0.0.1, bounded in time. Throughput is measured against workerd directly
 * (Miniflare's own socket), never through `wrangler dev`'s proxy.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { convertV4MiniflareOptions, Miniflare } from 'miniflare';
import { createHealth, defineCheck } from '../src/core/index.ts';
import { createHealthRouter } from '../src/router/index.ts';
import { startStack } from '../local/stack/index.ts';
import { load } from './load.ts';
import { startFaultProxy } from '../local/fault-proxy/index.ts';
import { startHttpFixtures } from '../test/support/http-fixtures.ts';

const root = new URL('..', import.meta.url).pathname;
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 5000);
const rows: string[] = [];
const record = (name: string, value: string): void => {
  rows.push(`${name.padEnd(58)} ${value}`);
  console.log(`${name.padEnd(58)} ${value}`);
};

async function inProcess(): Promise<void> {
  const checks = Array.from({ length: 10 }, (_, i) => defineCheck({ name: `noop-${i}`, run: () => ({ status: 'healthy' }) }));
  const router = createHealthRouter(createHealth({ checks }));
  const request = (): Promise<Response> => router.fetch(new Request('http://bench/health/ready'));
  for (let i = 0; i < 2000; i += 1) await (await request()).arrayBuffer();
  const result = await load(request, { durationMs: DURATION_MS, concurrency: 1 });
  record('in-process /health/ready, 10 no-op checks (Node 22)', `${result.perSecond} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms`);
  globalThis.gc?.();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < 20_000; i += 1) await (await request()).arrayBuffer();
  globalThis.gc?.();
  record('heap growth over 20,000 requests', `${((process.memoryUsage().heapUsed - before) / 1024 / 1024).toFixed(2)} MiB${globalThis.gc ? '' : ' (run with --expose-gc for a settled figure)'}`);
}

async function workerd(): Promise<void> {
  execFileSync('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', 'dist/bench-worker'], { cwd: root, stdio: 'pipe', env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } });
  const code = readFileSync(`${root}dist/bench-worker/worker.js`);
  record('Worker bundle (all checks)', `${(code.length / 1024).toFixed(1)} KiB, gzip ${(gzipSync(code).length / 1024).toFixed(1)} KiB`);

  const stack = await startStack({});
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      modules: true,
      scriptPath: `${root}dist/bench-worker/worker.js`,
      compatibilityDate: '2026-10-20',
      bindings: { HEALTH_VERSION: 'bench', ...stack.vars },
      port: 0,
      host: '127.0.0.1',
    }),
  );
  try {
    const url = await mf.ready;
    const live = new URL('/health/live', url).href;
    const ready = new URL('/health/ready', url).href;
    for (let i = 0; i < 200; i += 1) await (await fetch(live)).arrayBuffer();
    const liveResult = await load(() => fetch(live), { durationMs: DURATION_MS, concurrency: 16 });
    record('workerd /health/live, 16 concurrent', `${liveResult.perSecond} req/s, p50 ${liveResult.p50} ms, p99 ${liveResult.p99} ms, errors ${liveResult.errors}`);
    const readyResult = await load(() => fetch(ready), { durationMs: DURATION_MS, concurrency: 4 });
    record('workerd /health/ready (postgres+redis+api via gateways), 4 conc.', `${readyResult.perSecond} req/s, p50 ${readyResult.p50} ms, p95 ${readyResult.p95} ms, errors ${readyResult.errors}`);
  } finally {
    await mf.dispose();
    await stack.stop();
  }
}

/** Deadlines and parallelism, as a caller sees them: wall time of one /health/ready, median of 7. */
async function deadlines(): Promise<void> {
  const fixtures = await startHttpFixtures();
  const stack = await startStack({});
  const neonProxy = await startFaultProxy(stack.vars.NEON_FETCH_ENDPOINT?.replace(/\/sql$/, '') ?? '');
  const upstashProxy = await startFaultProxy(stack.vars.UPSTASH_REDIS_REST_URL ?? '');
  const worker = (bindings: Record<string, string>): Miniflare =>
    new Miniflare(
      convertV4MiniflareOptions({ modules: true, scriptPath: `${root}dist/bench-worker/worker.js`, compatibilityDate: '2026-10-20', bindings }),
    );
  const median = async (mf: Miniflare): Promise<string> => {
    const times: number[] = [];
    let status = 0;
    for (let i = 0; i < 7; i += 1) {
      const t0 = performance.now();
      const response = await mf.dispatchFetch('http://bench/health/ready');
      await response.arrayBuffer();
      times.push(performance.now() - t0);
      status = response.status;
    }
    times.sort((a, b) => a - b);
    return `${(times[3] ?? 0).toFixed(0)} ms (HTTP ${status})`;
  };
  const silent = worker({ HEALTH_HTTP_CHECKS: JSON.stringify([{ name: 'silent', url: `${fixtures.silent}/`, timeout_ms: 300 }]) });
  const parallel = worker({
    DATABASE_URL: stack.vars.DATABASE_URL ?? '',
    NEON_FETCH_ENDPOINT: `${neonProxy.url}/delay/300/sql`,
    UPSTASH_REDIS_REST_URL: `${upstashProxy.url}/delay/300`,
    UPSTASH_REDIS_REST_TOKEN: stack.vars.UPSTASH_REDIS_REST_TOKEN ?? '',
    HEALTH_HTTP_CHECKS: JSON.stringify([{ name: 'api', url: `${fixtures.http}/slow?ms=300` }]),
  });
  try {
    record('ready, critical API never answers, timeout 300 ms', await median(silent));
    record('ready, postgres + redis + API each 300 ms slow (sum 900)', await median(parallel));
  } finally {
    await Promise.all([silent.dispose(), parallel.dispose()]);
    await Promise.all([neonProxy.close(), upstashProxy.close(), fixtures.close()]);
    await stack.stop();
  }
}

await inProcess();
await workerd();
await deadlines();
console.log(`\nmachine: ${process.platform} ${process.arch}, node ${process.version}, duration per run ${DURATION_MS} ms`);
