import { describe, expect, it } from 'vitest';
import { createHealth } from './create-health.ts';
import { defineCheck } from './define-check.ts';
import { Lifecycle } from './lifecycle.ts';
import type { ReadinessObservation } from './readiness-observer.ts';

const ready = (): Lifecycle => {
  const lifecycle = new Lifecycle();
  lifecycle.markReady();
  return lifecycle;
};
const checks = [defineCheck({ name: 'db', run: () => ({ status: 'healthy' }) }), defineCheck({ name: 'cache', category: 'non-critical', run: () => ({ status: 'unhealthy', reason: 'refused', message: 'no' }) })];

describe('the readiness hook', () => {
  it('sees each fresh run\'s reports, in order, with when it started and how long it took', async () => {
    const seen: ReadinessObservation[] = [];
    const health = createHealth({ checks, lifecycle: ready(), onReadiness: (observation) => seen.push(observation) });
    const before = Date.now();
    await health.ready(new Request('http://svc/health/ready'));
    expect(seen).toHaveLength(1);
    expect(seen[0]?.reports.map((report) => [report.name, report.status])).toEqual([['db', 'healthy'], ['cache', 'unhealthy']]);
    expect(seen[0]?.startedAt).toBeGreaterThanOrEqual(before);
    expect(seen[0]?.durationMs).toBeGreaterThanOrEqual(0);
    expect(seen[0]).not.toHaveProperty('ageMs');
  });

  it('marks a cache hit with the age of the reused reports', async () => {
    const seen: ReadinessObservation[] = [];
    const health = createHealth({ checks, lifecycle: ready(), cacheMs: 60_000, onReadiness: (observation) => seen.push(observation) });
    await health.ready(new Request('http://svc/health/ready'));
    await health.ready(new Request('http://svc/health/ready'));
    expect(seen.map((observation) => observation.ageMs === undefined)).toEqual([true, false]);
    expect(seen[1]?.ageMs).toBeGreaterThanOrEqual(0);
  });

  it('is not called when no check ran (not started) or the selection was refused', async () => {
    const seen: ReadinessObservation[] = [];
    const health = createHealth({ checks, lifecycle: new Lifecycle({ init: [{ name: 'never', run: () => new Promise(() => {}) }] }), initWaitMs: 1, onReadiness: (observation) => seen.push(observation) });
    expect((await health.ready(new Request('http://svc/health/ready'))).status).toBe(503);
    expect((await health.ready(new Request('http://svc/health/ready?exclude=nope'))).status).toBe(400);
    expect(seen).toEqual([]);
  });

  it('never turns an observer\'s throw into a failed answer', async () => {
    const health = createHealth({
      checks,
      lifecycle: ready(),
      onReadiness: () => {
        throw new Error('observer bug');
      },
    });
    const response = await health.ready(new Request('http://svc/health/ready'));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'degraded' });
  });
});
