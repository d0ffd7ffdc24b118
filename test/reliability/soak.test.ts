import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BLACKHOLE_TIMEOUT_MS, DEADLINE_PATH, SOAK_DEPLOYMENTS, SOAK_PATHS, soakEnv, type SoakDeployment } from '../../bench/soak-deployments.ts';
import { soak } from '../../bench/soak-probes.ts';

const fixtures = inject('fixtures');
/** What a loaded two-core machine may add to the blackholed check's deadline, even under 100 probes in flight. */
const DEADLINE_MARGIN_MS = 1000;
/** Generous: a leak of even 10 KiB per probe would pass 20 MiB over 2,000 probes. */
const RSS_GROWTH_LIMIT_MIB = 64;

describe.each(SOAK_DEPLOYMENTS)('a short soak of $runtime', ({ start }) => {
  let deployment: SoakDeployment | undefined;
  beforeAll(async () => {
    deployment = await start(soakEnv(fixtures.http, fixtures.silent));
  }, 60_000);
  afterAll(async () => {
    await deployment?.stop();
  });

  it('answers 2,000 probes at 100 in flight without one error, its blackholed check by its deadline, its memory bounded', async () => {
    if (!deployment) throw new Error('the deployment did not start');
    const result = await soak({
      origin: deployment.origin,
      probes: 2000,
      concurrency: 100,
      paths: SOAK_PATHS,
      deadline: { path: DEADLINE_PATH, everyMs: 100 },
      pid: deployment.pid,
    });
    expect(result.failures).toEqual([]);
    expect(result.errors).toBe(0);
    expect(result.probes).toBe(2000);
    expect(result.deadlineLatencies.length).toBeGreaterThan(0);
    for (const latency of result.deadlineLatencies) {
      expect(latency).toBeGreaterThanOrEqual(BLACKHOLE_TIMEOUT_MS - 5);
      expect(latency).toBeLessThan(BLACKHOLE_TIMEOUT_MS + DEADLINE_MARGIN_MS);
    }
    expect(result.rssAfter - result.rssBefore).toBeLessThan(RSS_GROWTH_LIMIT_MIB);
  }, 120_000);
});
