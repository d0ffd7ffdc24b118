import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BLACKHOLE_TIMEOUT_MS, DEADLINE_PATH, SOAK_DEPLOYMENTS, SOAK_PATHS, soakEnv, type SoakDeployment } from '../../bench/soak-deployments.ts';
import { soak, type SoakOptions } from '../../bench/soak-probes.ts';

const fixtures = inject('fixtures');
/** What a loaded two-core machine may add to the blackholed check's deadline, even under 200 probes in flight. */
const DEADLINE_MARGIN_MS = 1000;
/** Generous: a leak of even 40 KiB per probe would pass it over 2,000 probes. */
const RSS_GROWTH_LIMIT_MIB = 64;

/**
 * How hard each runtime is pressed. Why 20,000 readiness probes in workerd: a
 * request that waited on a run another request started (or on its drain-flag
 * read) was answered 500 "Cannot perform I/O on behalf of a different request"
 * only after about 16,500 of them had been served, never in the first thousands;
 * every probe here joins or starts a shared run, so the count passes that point.
 */
const LOAD: Record<string, Pick<SoakOptions, 'probes' | 'concurrency' | 'paths'> & { boundsMemory: boolean }> = {
  Node: { probes: 2000, concurrency: 100, paths: SOAK_PATHS, boundsMemory: true },
  // Why no memory bound here: workerd's own heap grows for its first ~30,000 requests, a bare Worker's too
  // (RELIABILITY.md); the full soak shows where it levels off.
  workerd: { probes: 20_000, concurrency: 200, paths: ['/health/ready/api'], boundsMemory: false },
};
const loadOf = (runtime: string): (typeof LOAD)[string] => LOAD[runtime.split(' ')[0] ?? ''] ?? LOAD.Node!;

describe.each(SOAK_DEPLOYMENTS)('a short soak of $runtime', ({ runtime, start }) => {
  const { boundsMemory, ...load } = loadOf(runtime);
  let deployment: SoakDeployment | undefined;
  beforeAll(async () => {
    // Why a 100 ms drain-flag period: every tenth of a second a request reads the KV flag while others arrive.
    deployment = await start({ ...soakEnv(fixtures.http, fixtures.silent), HEALTH_DRAIN_CACHE_MS: '100' });
  }, 60_000);
  afterAll(async () => {
    await deployment?.stop();
  });

  it(`answers ${load.probes.toLocaleString('en')} probes at ${load.concurrency} in flight without one error, its blackholed check by its deadline${boundsMemory ? ', its memory bounded' : ''}`, async () => {
    if (!deployment) throw new Error('the deployment did not start');
    const result = await soak({
      origin: deployment.origin,
      ...load,
      deadline: { path: DEADLINE_PATH, everyMs: 100 },
      pid: deployment.pid,
    });
    expect(result.failures).toEqual([]);
    expect(result.errors).toBe(0);
    expect(result.probes).toBe(load.probes);
    expect(result.deadlineLatencies.length).toBeGreaterThan(0);
    for (const latency of result.deadlineLatencies) {
      expect(latency).toBeGreaterThanOrEqual(BLACKHOLE_TIMEOUT_MS - 5);
      expect(latency).toBeLessThan(BLACKHOLE_TIMEOUT_MS + DEADLINE_MARGIN_MS);
    }
    if (boundsMemory) expect(result.rssAfter - result.rssBefore).toBeLessThan(RSS_GROWTH_LIMIT_MIB);
  }, 240_000);
});
