import { describe, expect, it } from 'vitest';
import { aggregate } from './aggregate.ts';
import type { CheckCategory, CheckReport, CheckStatus } from './types.ts';

const report = (name: string, category: CheckCategory, status: CheckStatus): CheckReport => ({ name, category, status, latencyMs: 1 });

describe('aggregate', () => {
  it('is healthy with no checks and with all checks healthy', () => {
    expect(aggregate([])).toEqual({ status: 'healthy', httpStatus: 200 });
    expect(aggregate([report('a', 'critical', 'healthy'), report('b', 'non-critical', 'healthy')])).toEqual({ status: 'healthy', httpStatus: 200 });
  });

  it('is unhealthy/503 when any critical check is unhealthy, naming it', () => {
    const verdict = aggregate([report('db', 'critical', 'unhealthy'), report('cache', 'non-critical', 'degraded')]);
    expect(verdict).toMatchObject({ status: 'unhealthy', httpStatus: 503 });
    expect(verdict.message).toBe('critical dependency unhealthy: db');
  });

  it('is degraded/200 when a non-critical check is unhealthy', () => {
    expect(aggregate([report('db', 'critical', 'healthy'), report('cache', 'non-critical', 'unhealthy')])).toMatchObject({ status: 'degraded', httpStatus: 200, message: 'degraded: cache' });
  });

  it('is degraded/200 when a critical check is only degraded', () => {
    expect(aggregate([report('db', 'critical', 'degraded')])).toMatchObject({ status: 'degraded', httpStatus: 200 });
  });

  it.each<[CheckStatus, CheckCategory, string, number]>([
    ['healthy', 'critical', 'healthy', 200],
    ['degraded', 'critical', 'degraded', 200],
    ['unhealthy', 'critical', 'unhealthy', 503],
    ['healthy', 'non-critical', 'healthy', 200],
    ['degraded', 'non-critical', 'degraded', 200],
    ['unhealthy', 'non-critical', 'degraded', 200],
  ])('one %s %s check → %s/%d', (status, category, overall, code) => {
    expect(aggregate([report('x', category, status)])).toMatchObject({ status: overall, httpStatus: code });
  });
});
