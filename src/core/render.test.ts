import { describe, expect, it } from 'vitest';
import type { IsolateFacts } from './lifecycle.ts';
import { renderHealthJson, renderResponse, renderSeedJson, renderVerboseText, serverTiming, type HealthSummary } from './render.ts';
import type { CheckReport } from './types.ts';

const TIME = '2026-12-01T10:00:00.000Z';

const healthy: CheckReport = { name: 'postgres', category: 'critical', status: 'healthy', latencyMs: 12, details: { server_version: '15.4' } };
const degraded: CheckReport = { name: 'cache', category: 'non-critical', status: 'degraded', latencyMs: 3, message: 'HTTP 404', reason: 'http_status' };
const down: CheckReport = { name: 'api', category: 'critical', status: 'unhealthy', latencyMs: 300, message: 'timed out after 300 ms', reason: 'timeout' };
const noReason: CheckReport = { name: 'queue', category: 'non-critical', status: 'unhealthy', latencyMs: 1 };

const summary = (overrides: Partial<HealthSummary>): HealthSummary => ({
  endpoint: 'ready',
  status: 'healthy',
  httpStatus: 200,
  version: '1.2.3',
  dependencies: [],
  ...overrides,
});

describe('renderSeedJson', () => {
  it('writes every dependency in order, with message, reason and details only when present', () => {
    const body = renderSeedJson(summary({ status: 'unhealthy', httpStatus: 503, dependencies: [healthy, down], message: 'critical dependency unhealthy: api' }));
    expect(body).toEqual({
      status: 'unhealthy',
      version: '1.2.3',
      message: 'critical dependency unhealthy: api',
      dependencies: [
        { name: 'postgres', status: 'healthy', category: 'critical', latency_ms: 12, details: { server_version: '15.4' } },
        { name: 'api', status: 'unhealthy', category: 'critical', latency_ms: 300, message: 'timed out after 300 ms', reason: 'timeout' },
      ],
    });
  });

  it('leaves out message and isolate when there is none, and never shows the cache age in the body', () => {
    const body = renderSeedJson(summary({ ageMs: 500 }));
    expect(Object.keys(body)).toEqual(['status', 'version', 'dependencies']);
  });

  it('adds the isolate facts when given', () => {
    const isolate: IsolateFacts = { id: 'i-1', state: 'ready', cold_start: true, started_at: TIME, uptime_ms: 5, requests: 1, in_flight: 1 };
    expect(renderSeedJson(summary({ endpoint: 'startup', status: 'started', isolate }))).toEqual({ status: 'started', version: '1.2.3', dependencies: [], isolate });
  });
});

describe('renderHealthJson (application/health+json)', () => {
  it.each<[HealthSummary['status'], number, string]>([
    ['healthy', 200, 'pass'],
    ['degraded', 200, 'warn'],
    ['unhealthy', 503, 'fail'],
    ['started', 200, 'pass'],
    ['starting', 503, 'fail'],
    ['draining', 503, 'fail'],
    ['not_started', 503, 'fail'],
  ])('says %s (HTTP %d) as %s', (status, httpStatus, expected) => {
    expect(renderHealthJson(summary({ status, httpStatus }), TIME).status).toBe(expected);
  });

  it('keys each check as name:responseTime, with its own status, latency and time', () => {
    const body = renderHealthJson(summary({ status: 'degraded', dependencies: [healthy, degraded] }), TIME);
    expect(body).toEqual({
      status: 'warn',
      version: '1.2.3',
      description: 'ready degraded',
      checks: {
        'postgres:responseTime': [{ componentId: 'postgres', status: 'pass', observedValue: 12, observedUnit: 'ms', time: TIME, affectsServiceHealth: true }],
        'cache:responseTime': [
          { componentId: 'cache', status: 'warn', observedValue: 3, observedUnit: 'ms', time: TIME, output: 'HTTP 404', affectsServiceHealth: false },
        ],
      },
    });
  });

  it('puts the summary message in output, and a failing check as fail', () => {
    const body = renderHealthJson(summary({ status: 'unhealthy', httpStatus: 503, dependencies: [down], message: 'critical dependency unhealthy: api' }), TIME);
    expect(body).toMatchObject({ output: 'critical dependency unhealthy: api', checks: { 'api:responseTime': [{ status: 'fail', output: 'timed out after 300 ms' }] } });
  });
});

describe('renderVerboseText (?verbose)', () => {
  it.each<[string, HealthSummary, string]>([
    ['every check ok', summary({ dependencies: [healthy] }), '[+]postgres ok\nready check passed: healthy\n'],
    [
      'degraded and failing checks with their reasons',
      summary({ status: 'unhealthy', httpStatus: 503, dependencies: [healthy, degraded, down] }),
      '[+]postgres ok\n[~]cache degraded: http_status\n[-]api unhealthy: timeout\nready check failed: unhealthy\n',
    ],
    ['a failing check without a reason', summary({ status: 'degraded', dependencies: [noReason] }), '[-]queue unhealthy: error\nready check passed: degraded\n'],
    ['no checks', summary({ endpoint: 'live' }), 'live check passed: healthy\n'],
    ['a lifecycle answer', summary({ endpoint: 'startup', status: 'starting', httpStatus: 503 }), 'startup check failed: starting\n'],
  ])('%s', (_label, input, text) => {
    expect(renderVerboseText(input)).toBe(text);
  });

  it('never prints a message or details, only reasons', () => {
    const text = renderVerboseText(summary({ status: 'unhealthy', httpStatus: 503, dependencies: [healthy, down] }));
    expect(text).not.toContain('timed out after');
    expect(text).not.toContain('15.4');
  });
});

const answer = (extra: Partial<HealthSummary> = {}): HealthSummary => ({
  endpoint: 'ready',
  status: 'healthy',
  httpStatus: 200,
  version: '1',
  dependencies: [
    { name: 'db', category: 'critical', status: 'healthy', latencyMs: 12 },
    { name: 'api:v2', category: 'non-critical', status: 'degraded', latencyMs: 340, reason: 'slow' },
  ],
  ...extra,
});

describe('renderResponse headers', () => {
  it('times each check in Server-Timing, names made header tokens', () => {
    expect(serverTiming(answer().dependencies)).toBe('db;dur=12, api_v2;dur=340');
    expect(renderResponse(new Request('http://svc/health/ready'), answer()).headers.get('server-timing')).toBe('db;dur=12, api_v2;dur=340');
  });

  it.each([
    [503, 3, '3'],
    [200, 3, null],
    [503, undefined, null],
  ])('a %i answer with a retry horizon of %s s says Retry-After %s', (httpStatus, retryAfterS, header) => {
    const startup = answer({ httpStatus, dependencies: [], ...(retryAfterS === undefined ? {} : { retryAfterS }) });
    const response = renderResponse(new Request('http://svc/health/startup'), startup);
    expect(response.headers.get('retry-after')).toBe(header);
    expect(response.headers.get('server-timing')).toBeNull();
  });
});
