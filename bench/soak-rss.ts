/**
 * Whose is the Node server's RSS growth under sustained probes? The soak's load
 * (`bench/soak-probes.ts`: a closed loop, 200 in flight on kept-alive connections)
 * against our built server and against servers without our code, each in a process
 * of its own; prints RSS at each tenth and its growth per probe over the second half.
 * `node --import tsx bench/soak-rss.ts` (needs `npm run build` for dist/). Findings: RELIABILITY.md, Memory.
 * - `SOAK_RSS_TARGETS`: comma-separated; `dist` is `node dist/node/index.mjs` with the soak's
 *   configuration, paths and blackholed side probe; any other name is one of
 *   `bench/targets/node-targets.ts` (run by `bench/targets/node-server.ts`, liveness and readiness
 *   in turn, over one real HTTP dependency). Default: dist, bare node:http, naive handler, @godaddy/terminus.
 * - `SOAK_RSS_PATHS`: comma-separated paths to probe instead (e.g. readiness alone);
 *   `SOAK_RSS_SIDE_PATH`: the side probe's path instead of the blackholed check.
 * - `SOAK_PROBES` (default 150,000), `SOAK_CONCURRENCY` as in the soak; `SOAK_RSS_NODE_OPTIONS`,
 *   `MALLOC_ARENA_MAX` and `LD_PRELOAD` (another allocator) are handed to every server.
 * - `SOAK_RSS_SAMPLE=1`: the servers preload `bench/memory-sampler.ts` and print `process.memoryUsage()`
 *   and V8's spaces at each tenth (`=gc`: after a full GC); `MEMORY_SNAPSHOTS`, `MEMORY_V8_FLAGS` pass through.
 * - `dist` prints how many calls its check made to the API (concurrent readiness probes share one).
 * - `SOAK_RSS_PROMOTION=1`: the bytes V8 promoted to the old generation per probe, and the GCs,
 *   over the load (`--trace-gc-nvp`, set by the sampler).
 * - `SOAK_RSS_SMAPS=1`: which mappings of the server's memory grew from the 2nd tenth to the end (`bench/smaps.ts`).
 * - `SOAK_RSS_LOG=<file>`: everything the servers printed goes there.
 */
import { appendFileSync } from 'node:fs';
import { startHttpFixtures } from '../test/support/http-fixtures.ts';
import { nodeTarget } from '../test/conformance/targets/node-target.ts';
import { spawnServer } from '../test/conformance/targets/spawn-server.ts';
import type { Instance } from '../test/conformance/targets/target.ts';
import { DEADLINE_PATH, SOAK_PATHS, soakEnv } from './soak-deployments.ts';
import { promotionBetween } from './gc-trace.ts';
import { grown, residentByKind, smaps, type Mapping } from './smaps.ts';
import { soak } from './soak-probes.ts';

const root = new URL('..', import.meta.url).pathname;
const env = process.env;
const PROBES = Number(env.SOAK_PROBES ?? 150_000);
const CONCURRENCY = Number(env.SOAK_CONCURRENCY ?? 200);
const TARGETS = (env.SOAK_RSS_TARGETS ?? 'dist,bare node:http,naive handler,@godaddy/terminus').split(',');
const PROMOTION = env.SOAK_RSS_PROMOTION === '1';
const SAMPLING = Boolean(env.SOAK_RSS_SAMPLE) || PROMOTION;

/** What every server gets besides its own configuration. */
function commonEnv(): Record<string, string> {
  const common: Record<string, string> = {};
  const options = [env.SOAK_RSS_NODE_OPTIONS ?? ''];
  if (SAMPLING) options.push(`--import ${root}bench/memory-sampler.ts`);
  if (env.SOAK_RSS_SAMPLE === 'gc') options.push('--expose-gc');
  if (options.join('').trim()) common.NODE_OPTIONS = options.join(' ').trim();
  for (const name of ['MALLOC_ARENA_MAX', 'LD_PRELOAD', 'MEMORY_SNAPSHOTS', 'MEMORY_V8_FLAGS']) {
    const value = env[name];
    if (value !== undefined) common[name] = value;
  }
  if (PROMOTION) common.MEMORY_V8_FLAGS = `${common.MEMORY_V8_FLAGS ?? ''} --trace-gc-nvp`.trim();
  return common;
}

interface Served {
  instance: Instance;
  paths: readonly string[];
  sidePath: string;
}

async function start(target: string, fixtures: { http: string; silent: string }): Promise<Served> {
  if (target === 'dist') {
    // Why a tracked URL: the fixture counts the check's calls, to tell probes from calls out.
    const config = soakEnv(fixtures.http, fixtures.silent);
    const checks = config.HEALTH_HTTP_CHECKS?.replace(`${fixtures.http}/ok`, `${fixtures.http}/tracked/soak-rss`) ?? '';
    const instance = await nodeTarget.start({ ...config, HEALTH_HTTP_CHECKS: checks, ...commonEnv() });
    return { instance, paths: SOAK_PATHS, sidePath: DEADLINE_PATH };
  }
  const deps = JSON.stringify([{ name: 'api', url: `${fixtures.http}/ok`, timeoutMs: 1000 }]);
  const instance = await spawnServer(process.execPath, ['--import', 'tsx', `${root}bench/targets/node-server.ts`, target], { BENCH_DEPS: deps, ...commonEnv() }, {
    listening: /"url":"(http:[^"]+)"/,
  });
  const { live, ready } = JSON.parse(/^\{.*\}$/m.exec(instance.process?.output() ?? '')?.[0] ?? '{}') as { live: string; ready: string };
  return { instance, paths: [live, ready], sidePath: live };
}

/**
 * Least-squares slope of RSS over the second half of the tenths, in bytes per probe. Why the
 * second half: every server's RSS steps up while its heap and allocator warm up; a leak still climbs after.
 */
function bytesPerProbe(tenths: readonly number[], probesPerTenth: number): number {
  const samples = tenths.slice(Math.floor(tenths.length / 2) - 1);
  const meanX = (samples.length + 1) / 2;
  const meanY = samples.reduce((sum, y) => sum + y, 0) / samples.length;
  let num = 0;
  let den = 0;
  samples.forEach((y, i) => {
    num += (i + 1 - meanX) * (y - meanY);
    den += (i + 1 - meanX) ** 2;
  });
  return ((num / den) * 1_048_576) / probesPerTenth;
}

/** From the sampler's first to its last mark: bytes promoted per probe, and the GCs. */
function promotion(output: string): string {
  const mark = (line: string): number => Number(/^memory-usage \{"signal":(\d+)/.exec(line)?.[1] ?? NaN);
  const { promoted, scavenges, markCompacts } = promotionBetween(output, (line) => mark(line) === 1, (line) => mark(line) === 11);
  return `promoted to the old generation: ${(promoted / PROBES).toFixed(1)} B/probe (${scavenges} scavenges, ${markCompacts} mark-compacts)`;
}

async function measure(target: string, fixtures: { http: string; silent: string }): Promise<void> {
  const started = await start(target, fixtures);
  const { instance } = started;
  const paths = env.SOAK_RSS_PATHS ? env.SOAK_RSS_PATHS.split(',') : started.paths;
  const pid = instance.process?.pid ?? 0;
  const output = (): string => instance.process?.output() ?? '';
  try {
    let early: Mapping[] = [];
    const onTenth = (tenth: number): void => {
      if (SAMPLING) process.kill(pid, 'SIGUSR2');
      if (tenth === 2 && env.SOAK_RSS_SMAPS === '1') early = smaps(pid);
    };
    const side = { path: env.SOAK_RSS_SIDE_PATH ?? started.sidePath, everyMs: 250 };
    const result = await soak({ origin: instance.origin ?? '', probes: PROBES, concurrency: CONCURRENCY, paths, deadline: side, pid, onTenth });
    const slope = bytesPerProbe(result.rssSamples, Math.floor(PROBES / 10));
    console.log(`${target}: ${result.probes} probes (${paths.join(', ')}), ${result.errors} errors, ${result.perSecond}/s; RSS after warm-up ${result.rssBefore} MiB, at each tenth ${result.rssSamples.join(', ')}; ${slope.toFixed(0)} B/probe over the second half`);
    if (target === 'dist') {
      const { hits } = (await (await fetch(`${fixtures.http}/hits/soak-rss`)).json()) as { hits: number };
      console.log(`  the check's calls at the API: ${hits.toLocaleString('en')}, warm-up and side probes included`);
    }
    if (env.SOAK_RSS_SMAPS === '1') {
      const late = smaps(pid);
      const [before, after] = [residentByKind(early), residentByKind(late)];
      for (const kind of Object.keys(after)) if (before[kind] !== after[kind]) console.log(`  ${kind}: ${before[kind] ?? 0} → ${after[kind]} KiB resident`);
      for (const line of grown(early, late)) console.log(`  ${line}`);
    }
    // Why the wait: the sampler's last line arrives through a pipe.
    if (SAMPLING) await new Promise((resolve) => setTimeout(resolve, 500));
    if (PROMOTION) console.log(`  ${promotion(output())}`);
    if (env.SOAK_RSS_SAMPLE) for (const line of output().split('\n')) if (/^(memory-usage|heap-spaces|heap-snapshot) /.test(line)) console.log(`  ${line}`);
    if (env.SOAK_RSS_LOG) appendFileSync(env.SOAK_RSS_LOG, `== ${target}\n${output()}`);
    if (result.errors > 0) console.log(`  first errors: ${result.failures.join('; ')}`);
  } finally {
    await instance.stop();
  }
}

const fixtures = await startHttpFixtures();
try {
  for (const target of TARGETS) await measure(target, fixtures);
} finally {
  await fixtures.close();
}
