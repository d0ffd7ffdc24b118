import { describe, expect, it } from 'vitest';
import { ROTATION_TOKEN } from '../../src/core/index.ts';
import { call, fixtures, httpChecksEnv, json, timed } from './helpers.ts';

const check = (name: string, path: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  name,
  url: `${fixtures.http}${path}`,
  ...extra,
});

/** A check deadline short enough for a fast suite, long enough to tell "at the deadline" from "much later". */
const DEADLINE_MS = 300;
const SLOW_MS = 300;

describe('readiness in workerd, against real HTTP servers', () => {
  it('is healthy with the seed JSON shape when every API answers 2xx', async () => {
    const env = httpChecksEnv([check('api', '/ok'), check('search', '/created', { category: 'non-critical' })]);
    const response = await call(env, '/health/ready');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toContain('application/json');
    const body = await json(response);
    expect(body).toMatchObject({ status: 'healthy', version: '1.2.3-test' });
    expect(body.message).toBeUndefined();
    expect(body.dependencies).toEqual([
      { name: 'api', status: 'healthy', category: 'critical', latency_ms: expect.any(Number), details: { status_code: 200 } },
      { name: 'search', status: 'healthy', category: 'non-critical', latency_ms: expect.any(Number), details: { status_code: 201 } },
    ]);
  });

  it('reports a slow API healthy within its timeout, with its latency', async () => {
    const env = httpChecksEnv([check('slow', '/slow?ms=150', { timeout_ms: 2000 })]);
    const body = await json(await call(env, '/health/ready'));
    expect(body.status).toBe('healthy');
    expect(body.dependencies[0]?.latency_ms).toBeGreaterThanOrEqual(140);
  });

  it('is unhealthy/503 when a critical API answers 5xx', async () => {
    const env = httpChecksEnv([check('api', '/status?code=502'), check('other', '/ok')]);
    const response = await call(env, '/health/ready');
    expect(response.status).toBe(503);
    const body = await json(response);
    expect(body.status).toBe('unhealthy');
    expect(body.message).toBe('critical dependency unhealthy: api');
    expect(body.dependencies[0]).toMatchObject({ name: 'api', status: 'unhealthy', message: 'HTTP 502', reason: 'http_status', details: { status_code: 502 } });
  });

  it('is degraded/200 when an API answers 4xx', async () => {
    const response = await call(httpChecksEnv([check('api', '/status?code=404')]), '/health/ready');
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body.status).toBe('degraded');
    expect(body.dependencies[0]).toMatchObject({ status: 'degraded', message: 'HTTP 404', details: { status_code: 404 } });
  });

  it('does not follow a redirect: it is degraded with the 3xx code', async () => {
    const body = await json(await call(httpChecksEnv([check('api', '/redirect')]), '/health/ready'));
    expect(body.dependencies[0]).toMatchObject({ status: 'degraded', message: 'HTTP 302', details: { status_code: 302 } });
  });

  it('follows redirects when asked to', async () => {
    const body = await json(await call(httpChecksEnv([check('api', '/redirect', { follow_redirects: true })]), '/health/ready'));
    expect(body.dependencies[0]).toMatchObject({ status: 'healthy', details: { status_code: 200 } });
  });

  it('is degraded/200 when a non-critical API is down', async () => {
    const response = await call(httpChecksEnv([check('api', '/ok'), check('extras', '/status?code=500', { category: 'non-critical' })]), '/health/ready');
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ status: 'degraded', message: 'degraded: extras' });
  });

  it('answers at the deadline when a critical API accepts the connection and never answers', async () => {
    const env = httpChecksEnv([{ name: 'silent', url: `${fixtures.silent}/`, timeout_ms: DEADLINE_MS }, check('api', '/ok')]);
    const { value: response, ms } = await timed(() => call(env, '/health/ready'));
    // The server never answers: without the deadline this would hang; a slow machine still answers within two deadlines.
    expect(ms).toBeGreaterThanOrEqual(DEADLINE_MS - 10);
    expect(ms).toBeLessThan(2 * DEADLINE_MS);
    expect(response.status).toBe(503);
    const body = await json(response);
    expect(body.dependencies[0]).toMatchObject({ name: 'silent', status: 'unhealthy', reason: 'timeout', message: 'timed out after 300 ms' });
    expect(body.dependencies[1]).toMatchObject({ name: 'api', status: 'healthy' });
  });

  it('reports an HTTP server that never sends headers as timed out, degraded when non-critical', async () => {
    const env = httpChecksEnv([check('hang', '/hang', { timeout_ms: DEADLINE_MS, category: 'non-critical' })]);
    const { value: response, ms } = await timed(() => call(env, '/health/ready'));
    expect(ms).toBeLessThan(2 * DEADLINE_MS);
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ status: 'degraded', dependencies: [{ reason: 'timeout' }] });
  });

  it('reports a refused connection as unhealthy for a network reason, as every runtime does', async () => {
    const body = await json(await call(httpChecksEnv([{ name: 'gone', url: `${fixtures.refused}/`, timeout_ms: 2000 }]), '/health/ready'));
    expect(body.status).toBe('unhealthy');
    expect(body.dependencies[0]).toMatchObject({ status: 'unhealthy', reason: 'network', message: expect.any(String) });
  });

  it('reports an unknown DNS name as unhealthy for a network reason: workerd cannot tell it from other faults', async () => {
    const body = await json(await call(httpChecksEnv([{ name: 'nowhere', url: 'http://x.invalid/', timeout_ms: 2000 }]), '/health/ready'));
    expect(body.dependencies[0]).toMatchObject({ status: 'unhealthy', reason: 'network' });
  });

  it('never reads an endless body: healthy long before its deadline', async () => {
    const { value: response, ms } = await timed(() => call(httpChecksEnv([check('stream', '/endless', { timeout_ms: 4000 })]), '/health/ready'));
    // Reading the body would end in a timeout at 4 s: a 503 naming the check.
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ status: 'healthy', dependencies: [{ name: 'stream', status: 'healthy' }] });
    expect(ms).toBeLessThan(2000);
  });

  it('runs the checks in parallel: three slow checks take about as long as one, not three times as long', async () => {
    const slow = (name: string): Record<string, unknown> => check(name, `/slow?ms=${SLOW_MS}`);
    const { value: response, ms } = await timed(() => call(httpChecksEnv([slow('a'), slow('b'), slow('c')]), '/health/ready'));
    const body = await json(response);
    expect(body.status).toBe('healthy');
    const latencies = body.dependencies.map((dependency) => dependency.latency_ms);
    // Each check really waited, so in sequence the answer would take the sum of their latencies (about 3×).
    for (const latency of latencies) expect(latency).toBeGreaterThanOrEqual(SLOW_MS - 10);
    expect(ms).toBeLessThan(2 * Math.max(...latencies));
  });

  it('lists dependencies in registration order every time', async () => {
    const env = httpChecksEnv([check('z', '/slow?ms=60'), check('a', '/ok'), check('m', '/slow?ms=30')]);
    for (let i = 0; i < 3; i += 1) {
      const body = await json(await call(env, '/health/ready'));
      expect(body.dependencies.map((d) => d.name)).toEqual(['z', 'a', 'm']);
    }
  });

  it('sends configured headers and never shows their values', async () => {
    const good = httpChecksEnv([check('auth', '/echo-auth', { headers: { Authorization: 'Bearer fixture-token-123' } })]);
    const goodText = await (await call(good, '/health/ready')).text();
    expect(JSON.parse(goodText)).toMatchObject({ status: 'healthy' });
    expect(goodText).not.toContain('fixture-token-123');
    const bad = httpChecksEnv([check('auth', '/echo-auth', { headers: { Authorization: 'Bearer wrong-token-456' } })]);
    const badText = await (await call(bad, '/health/ready?verbose')).text();
    expect(badText).not.toContain('wrong-token-456');
  });
});

describe('selecting checks', () => {
  const env = httpChecksEnv([check('api', '/ok'), check('broken', '/status?code=500')]);

  it('runs one check at /health/ready/<name>', async () => {
    const response = await call(env, '/health/ready/api');
    expect(response.status).toBe(200);
    expect((await json(response)).dependencies.map((d) => d.name)).toEqual(['api']);
  });

  it('answers 404 with the known names for an unknown check', async () => {
    const response = await call(env, '/health/ready/nope');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ status: 'error', error: 'No check is named "nope". Known checks: api, broken.' });
  });

  it('excludes checks with ?exclude=, and rejects unknown names with 400', async () => {
    const response = await call(env, '/health/ready?exclude=broken');
    expect(response.status).toBe(200);
    expect((await json(response)).dependencies.map((d) => d.name)).toEqual(['api']);
    const bad = await call(env, '/health/ready?exclude=typo');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain('Cannot exclude "typo"');
  });
});

describe('formats', () => {
  const env = httpChecksEnv([check('api', '/ok'), check('extras', '/status?code=500', { category: 'non-critical' })]);

  it('prints Kubernetes-style lines with ?verbose', async () => {
    const response = await call(env, '/health/ready?verbose');
    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(await response.text()).toBe(`in_rotation: ${ROTATION_TOKEN}\n[+]api ok\n[-]extras unhealthy: http_status\nready check passed: degraded\n`);
  });

  it('speaks application/health+json when asked', async () => {
    const response = await call(env, '/health/ready', { headers: { Accept: 'application/health+json' } });
    expect(response.headers.get('content-type')).toContain('application/health+json');
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      in_rotation: ROTATION_TOKEN,
      status: 'warn',
      version: '1.2.3-test',
      checks: {
        'api:responseTime': [{ componentId: 'api', componentType: 'system', status: 'pass', observedUnit: 'ms' }],
        'extras:responseTime': [{ componentId: 'extras', componentType: 'system', status: 'fail', output: 'HTTP 500' }],
      },
    });
    expect(Object.keys(body)[0]).toBe('in_rotation');
    expect(body.checks).not.toHaveProperty(['api:responseTime', 0, 'output']);
  });
});
