import { describe, expect, it } from 'vitest';
import type { IsolateFacts } from './lifecycle.ts';
import { renderHealthJson, renderResponse, renderSeedJson, renderVerboseText, serverTiming, type HealthSummary } from './render.ts';
import { ROTATION_TOKEN } from './rotation-token.ts';
import type { CheckReport } from './types.ts';

const TIME = '2026-12-01T10:00:00.000Z';
const NOW = Date.parse(TIME);

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
    expect(Object.keys(body)).toEqual(['in_rotation', 'status', 'version', 'dependencies']);
  });

  it('adds the isolate facts when given', () => {
    const isolate: IsolateFacts = { id: 'i-1', state: 'ready', cold_start: true, started_at: TIME, uptime_ms: 5, requests: 1, in_flight: 1 };
    expect(renderSeedJson(summary({ endpoint: 'startup', status: 'started', isolate }))).toEqual({ in_rotation: ROTATION_TOKEN, status: 'started', version: '1.2.3', dependencies: [], isolate });
  });

  it.each<[string, Partial<HealthSummary>, boolean]>([
    ['a healthy 200', { status: 'healthy', httpStatus: 200 }, true],
    ['a degraded 200', { status: 'degraded', httpStatus: 200 }, true],
    ['an unhealthy 503', { status: 'unhealthy', httpStatus: 503 }, false],
    ['a draining 503', { status: 'draining', httpStatus: 503, message: 'draining' }, false],
    ['a starting 503', { endpoint: 'startup', status: 'starting', httpStatus: 503 }, false],
  ])('%s leads with the in-rotation token: %s', (_label, overrides, inRotation) => {
    const body = renderSeedJson(summary(overrides));
    expect(Object.keys(body)[0] === 'in_rotation').toBe(inRotation);
    expect(JSON.stringify(body).includes(ROTATION_TOKEN)).toBe(inRotation);
  });

  it('replaces the token, in any case, in every supplied text: messages, details (keys too), the version', () => {
    const sneaky: CheckReport = { ...down, message: `see ${ROTATION_TOKEN.toLowerCase()}`, details: { [ROTATION_TOKEN]: ['x-Edge-Up-7b3d'] } };
    const body = renderSeedJson(summary({ status: 'unhealthy', httpStatus: 503, version: ROTATION_TOKEN, message: ROTATION_TOKEN, dependencies: [sneaky] }));
    expect(body).toEqual({
      status: 'unhealthy',
      version: '[rotation-token]',
      message: '[rotation-token]',
      dependencies: [{ name: 'api', status: 'unhealthy', category: 'critical', latency_ms: 300, message: 'see [rotation-token]', reason: 'timeout', details: { '[rotation-token]': ['[rotation-token]'] } }],
    });
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
    expect(renderHealthJson(summary({ status, httpStatus }), NOW).status).toBe(expected);
  });

  it('keys each check as name:responseTime, with its own status, latency, time, and output only when not pass', () => {
    const withMessage: CheckReport = { ...healthy, message: 'fine, 1 row', componentType: 'datastore' };
    const body = renderHealthJson(summary({ status: 'degraded', dependencies: [withMessage, degraded] }), NOW);
    expect(body).toEqual({
      in_rotation: ROTATION_TOKEN,
      status: 'warn',
      version: '1.2.3',
      description: 'ready degraded',
      checks: {
        'postgres:responseTime': [{ componentId: 'postgres', componentType: 'datastore', status: 'pass', observedValue: 12, observedUnit: 'ms', time: TIME, affectsServiceHealth: true }],
        'cache:responseTime': [
          { componentId: 'cache', status: 'warn', observedValue: 3, observedUnit: 'ms', time: TIME, output: 'HTTP 404', affectsServiceHealth: false },
        ],
      },
    });
  });

  it.each<[string, number | undefined, string]>([
    ['a result made for this answer', undefined, TIME],
    ['a fresh run kept for later', 0, TIME],
    ['a result reused 1.5 s later', 1500, '2026-12-01T09:59:58.500Z'],
    ['a result reused a minute later', 60_000, '2026-12-01T09:59:00.000Z'],
  ])('dates %s at when it was made, not when it is answered', (_label, ageMs, time) => {
    const report: CheckReport = { ...healthy, ...(ageMs === undefined ? {} : { ageMs }) };
    const body = renderHealthJson(summary({ dependencies: [report], ...(ageMs === undefined ? {} : { ageMs }) }), NOW);
    expect((body.checks as Record<string, { time: string }[]>)['postgres:responseTime']?.[0]?.time).toBe(time);
    expect(body.notes).toEqual(ageMs === undefined ? undefined : [`check results reused: made ${ageMs} ms before this answer`]);
  });

  it('puts the summary message in output, and a failing check as fail', () => {
    const body = renderHealthJson(summary({ status: 'unhealthy', httpStatus: 503, dependencies: [down], message: 'critical dependency unhealthy: api' }), NOW);
    expect(body).toMatchObject({ output: 'critical dependency unhealthy: api', checks: { 'api:responseTime': [{ status: 'fail', output: 'timed out after 300 ms' }] } });
    expect(body).not.toHaveProperty('in_rotation');
  });
});

describe('renderVerboseText (?verbose)', () => {
  it.each<[string, HealthSummary, string]>([
    ['every check ok', summary({ dependencies: [healthy] }), `in_rotation: ${ROTATION_TOKEN}\n[+]postgres ok\nready check passed: healthy\n`],
    [
      'degraded and failing checks with their reasons',
      summary({ status: 'unhealthy', httpStatus: 503, dependencies: [healthy, degraded, down] }),
      '[+]postgres ok\n[~]cache degraded: http_status\n[-]api unhealthy: timeout\nready check failed: unhealthy\n',
    ],
    ['a failing check without a reason', summary({ status: 'degraded', dependencies: [noReason] }), `in_rotation: ${ROTATION_TOKEN}\n[-]queue unhealthy: error\nready check passed: degraded\n`],
    ['no checks', summary({ endpoint: 'live' }), `in_rotation: ${ROTATION_TOKEN}\nlive check passed: healthy\n`],
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
