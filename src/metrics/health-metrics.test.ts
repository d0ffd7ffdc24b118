import { describe, expect, it } from 'vitest';
import type { CheckReport, CheckStatus } from '../core/index.ts';
import { HealthMetrics } from './health-metrics.ts';

const report = (name: string, status: CheckStatus, latencyMs = 5): CheckReport => ({
  name,
  category: 'critical',
  status,
  latencyMs,
  ...(status === 'healthy' ? {} : { reason: 'timeout' as const }),
});

describe('HealthMetrics', () => {
  it('keeps each check\'s latest status, latency and reason, and when its result was produced', () => {
    const metrics = new HealthMetrics();
    metrics.observe({ reports: [report('db', 'healthy', 12), report('cache', 'unhealthy', 2000)], startedAt: 1000, durationMs: 2000 });
    expect(metrics.checks()).toEqual([
      { name: 'db', category: 'critical', status: 'healthy', latencyMs: 12, lastRunAt: 3000, lastChangeAt: 3000, lastSuccessAt: 3000, transitions: 0, runs: 1 },
      { name: 'cache', category: 'critical', status: 'unhealthy', latencyMs: 2000, reason: 'timeout', lastRunAt: 3000, lastChangeAt: 3000, transitions: 0, runs: 1 },
    ]);
  });

  it.each<[string, CheckStatus[], { transitions: number; lastChangeAt: number; lastSuccessAt?: number }]>([
    ['steady healthy', ['healthy', 'healthy', 'healthy'], { transitions: 0, lastChangeAt: 100, lastSuccessAt: 300 }],
    ['one failure', ['healthy', 'unhealthy', 'unhealthy'], { transitions: 1, lastChangeAt: 200, lastSuccessAt: 100 }],
    ['flapping', ['healthy', 'unhealthy', 'healthy'], { transitions: 2, lastChangeAt: 300, lastSuccessAt: 300 }],
    ['degraded then down', ['degraded', 'unhealthy', 'unhealthy'], { transitions: 1, lastChangeAt: 200 }],
  ])('counts transitions and remembers the last change and success: %s', (_case, statuses, expected) => {
    const metrics = new HealthMetrics();
    statuses.forEach((status, index) => metrics.observe({ reports: [report('db', status)], startedAt: (index + 1) * 100, durationMs: 0 }));
    const db = metrics.check('db');
    expect(db).toMatchObject({ ...expected, runs: 3 });
    if (expected.lastSuccessAt === undefined) expect(db).not.toHaveProperty('lastSuccessAt');
  });

  it('counts cache hits and the dependency calls they saved, without touching the checks\' history', () => {
    const metrics = new HealthMetrics();
    metrics.observe({ reports: [report('db', 'healthy'), report('cache', 'healthy')], startedAt: 100, durationMs: 5 });
    metrics.observe({ reports: [report('db', 'healthy'), report('cache', 'healthy')], startedAt: 200, durationMs: 0, ageMs: 95 });
    metrics.observe({ reports: [report('db', 'healthy')], startedAt: 300, durationMs: 0, ageMs: 10 });
    expect([metrics.runs, metrics.cacheHits, metrics.callsSaved]).toEqual([1, 2, 3]);
    expect(metrics.check('db')).toMatchObject({ runs: 1, lastRunAt: 105 });
  });
});
