import { describe, expect, it } from 'vitest';
import { statusData, type CheckMemory } from './status-data.ts';

const body = {
  status: 'degraded',
  version: '1.4.0',
  message: 'degraded: cache',
  dependencies: [
    { name: 'api', status: 'healthy', category: 'critical', latency_ms: 12 },
    { name: 'cache', status: 'unhealthy', category: 'non-critical', latency_ms: 3, reason: 'http_status', message: 'HTTP 503', details: { status: 503 } },
  ],
  isolate: { id: 'iso', state: 'ready' },
};
const memory: Record<string, CheckMemory> = { cache: { lastRunAt: 9_000, lastChangeAt: 5_000, lastSuccessAt: 4_000, transitions: 1 } };

describe('statusData', () => {
  it('joins each dependency with when its result was produced and when it last changed', () => {
    const data = statusData(200, body, (name) => memory[name], 10_000, true);
    expect(data).toEqual({
      status: 'degraded',
      http_status: 200,
      version: '1.4.0',
      message: 'degraded: cache',
      generated_at: '1970-01-01T00:00:10.000Z',
      details: true,
      dependencies: [
        { name: 'api', status: 'healthy', category: 'critical', latency_ms: 12 },
        {
          name: 'cache',
          status: 'unhealthy',
          category: 'non-critical',
          latency_ms: 3,
          reason: 'http_status',
          message: 'HTTP 503',
          result_age_ms: 1000,
          last_changed_at: '1970-01-01T00:00:05.000Z',
          last_success_at: '1970-01-01T00:00:04.000Z',
          transitions: 1,
        },
      ],
      isolate: { id: 'iso', state: 'ready' },
    });
  });

  it('shows what exists when nothing is remembered, and never passes details through', () => {
    const data = statusData(503, { status: 'not_started', dependencies: [] }, undefined, 0, false);
    expect(data).toEqual({ status: 'not_started', http_status: 503, generated_at: '1970-01-01T00:00:00.000Z', details: false, dependencies: [] });
    expect(JSON.stringify(statusData(200, body, undefined, 0, true))).not.toContain('"details":{');
  });
});
