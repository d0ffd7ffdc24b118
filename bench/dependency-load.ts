/**
 * `npm run bench:load`: probes in vs dependency calls out, for each way of
 * keeping results, at 10 / 100 / 1,000 concurrent probes (not a test). The
 * calls are counted where they land: the Neon gateway's request log (Postgres),
 * Redis' INFO commandstats (PING) and the API stand-in's own hit counter.
 * Each scenario sends two waves of probes, spread over 4 isolates.
 * Writes the table to bench/DEPENDENCY-LOAD.md.
 */
import { writeFileSync } from 'node:fs';
import { createAppFromEnv } from '../src/config/index.ts';
import { runChecks, type Check, type CheckReport } from '../src/core/index.ts';
import { redisDelta, startCountedStack, type CountedStack } from '../test/support/counted-stack.ts';
import { startHttpFixtures, type HttpFixtures } from '../test/support/http-fixtures.ts';
import { startIsolates } from '../test/support/miniflare-isolates.ts';

const ISOLATES = 4;
const SIZES = (process.env.BENCH_PROBES ?? '10,100,1000').split(',').map(Number);
const out = new URL('./DEPENDENCY-LOAD.md', import.meta.url);

/** Sends one probe at isolate `i`; resolves with its HTTP status. */
type Probe = (i: number) => Promise<number>;

interface Mode {
  name: string;
  /** Readies the isolates; `between` runs between the two waves. */
  start(env: Record<string, string>): Promise<{ probe: Probe; between?: () => Promise<void>; stop(): Promise<void> }>;
}

const NOTES = `Both waves are cold bursts at every isolate at once. A Cache API entry has no lock, so a cold burst costs one run per
isolate; after that, every isolate of the location (and every new one) reuses it for the period. The Durable Object owns the
run, so even a cold burst costs one. Stale-while-revalidate answers the second wave at once with one refresh per isolate (more
when the first wave outlasts the 1 s fresh period). The Neon gateway logs a request when it answers: where every check hit its
deadline (the rows with only non-200 answers: 2,000 runs at once swamped the local gateways), the attempted load was one run
per probe and the counted figure understates it.`;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** In-process "isolates" running the checks themselves, as a handler without the result cache would. */
function inProcess(name: string, keepMs: number): Mode {
  return {
    name,
    async start(env) {
      const isolates = Array.from({ length: ISOLATES }, () => settledCache(createAppFromEnv(env, { platform: 'node', log: () => {} }).health.checks, keepMs));
      return { probe: async (i) => ((await isolates[i % ISOLATES]?.()) ?? []).every((r) => r.status === 'healthy') ? 200 : 503, stop: async () => {} };
    },
  };
}

/** The per-isolate cache before single flight: settled results only, so a burst runs once per probe. */
function settledCache(checks: readonly Check[], keepMs: number): () => Promise<CheckReport[]> {
  let kept: { at: number; reports: CheckReport[] } | undefined;
  return async () => {
    if (kept && Date.now() - kept.at < keepMs) return kept.reports;
    const reports = await runChecks(checks);
    if (keepMs > 0) kept = { at: Date.now(), reports };
    return reports;
  };
}

/** The deployable Worker in workerd, one instance per isolate, configured by `vars`. */
function workerd(name: string, vars: Record<string, string>, between?: () => Promise<void>): Mode {
  return {
    name,
    async start(env) {
      const isolates = await startIsolates({ count: ISOLATES, bindings: { ...env, ...vars } });
      const probe: Probe = async (i) => (await isolates.fetch(i % ISOLATES, '/health/ready')).status;
      return { probe, ...(between ? { between } : {}), stop: () => isolates.stop() };
    },
  };
}

const MODES: Mode[] = [
  inProcess('no cache (every probe runs the checks)', 0),
  inProcess('per-isolate cache, settled results only (before single flight)', 60_000),
  workerd('single flight per isolate (HEALTH_CACHE_MS=0)', { HEALTH_CACHE_MS: '0' }),
  workerd('per-isolate cache + single flight (HEALTH_CACHE_MS=60000)', { HEALTH_CACHE_MS: '60000' }),
  workerd('stale-while-revalidate (CACHE 1000, STALE 60000; 2nd wave stale)', { HEALTH_CACHE_MS: '1000', HEALTH_STALE_MS: '60000' }, () => sleep(1100)),
  workerd('Cache API (HEALTH_SHARE=cache)', { HEALTH_CACHE_MS: '60000', HEALTH_SHARE: 'cache' }),
  workerd('Durable Object (HEALTH_SHARE=durable-object)', { HEALTH_CACHE_MS: '60000', HEALTH_SHARE: 'durable-object' }),
];

async function measure(stack: CountedStack, fixtures: HttpFixtures, mode: Mode, probes: number): Promise<string> {
  const apiId = `bench-${crypto.randomUUID()}`;
  const env = { ...stack.env, HEALTH_HTTP_CHECKS: JSON.stringify([{ name: 'external-api', url: `${fixtures.http}/tracked/${apiId}?ms=50` }]) };
  const running = await mode.start(env);
  try {
    const before = await stack.calls();
    const wave = (): Promise<number[]> => Promise.all(Array.from({ length: probes }, (_, i) => running.probe(i)));
    const first = await wave();
    await running.between?.();
    const statuses = [...first, ...(await wave())];
    await sleep(300); // Why: background refreshes (stale-while-revalidate) land after their answers.
    const after = await stack.calls();
    const api = ((await (await fetch(`${fixtures.http}/hits/${apiId}`)).json()) as { hits: number }).hits;
    const unhealthy = statuses.filter((status) => status !== 200).length;
    return `| ${mode.name} | ${probes} × 2 | ${after.postgres - before.postgres} | ${redisDelta(before, after, 'ping')} | ${api} | ${unhealthy} |`;
  } finally {
    await running.stop();
  }
}

async function main(): Promise<void> {
  const [stack, fixtures] = await Promise.all([startCountedStack(), startHttpFixtures()]);
  const rows = ['| mode | probes (2 waves over 4 isolates) | Postgres SQL requests | Redis PING | API hits | non-200 answers |', '| --- | --- | --- | --- | --- | --- |'];
  try {
    for (const probes of SIZES) {
      for (const mode of MODES) {
        const row = await measure(stack, fixtures, mode, probes);
        console.log(row);
        rows.push(row);
      }
    }
  } finally {
    await Promise.allSettled([stack.stop(), fixtures.close()]);
  }
  const when = new Date().toISOString().slice(0, 10);
  writeFileSync(out, `# Dependency load per caching mode\n\n\`npm run bench:load\` on ${when}, ${ISOLATES} isolates (Node in-process for the first two rows, workerd through Miniflare for the others); counted at the Neon gateway's log, Redis INFO commandstats and the API stand-in's hit counter.\n\n${rows.join('\n')}\n\n${NOTES}\n`);
  console.log(`\nwritten to ${out.pathname}`);
}

await main();
