import { describe, expect, it } from 'vitest';
import { createHealth, defineCheck, type Health } from '../core/index.ts';
import { createHealthRouter, type HealthRouterOptions } from './create-health-router.ts';

const ALL_HEALTHY = (): Health =>
  createHealth({
    version: '1.0.0',
    exposeIsolate: false,
    checks: [
      defineCheck({ name: 'db-1', run: () => ({ status: 'healthy' }) }),
      defineCheck({ name: 'cache', category: 'non-critical', run: () => ({ status: 'unhealthy', reason: 'http_status' }) }),
    ],
  });

const call = async (path: string, init?: RequestInit, options?: HealthRouterOptions, health = ALL_HEALTHY()): Promise<Response> =>
  createHealthRouter(health, options).fetch(new Request(`http://svc${path}`, init));

const names = async (response: Response): Promise<string[]> =>
  ((await response.json()) as { dependencies: { name: string }[] }).dependencies.map((d) => d.name);

describe('createHealthRouter routes', () => {
  it.each<[string, number, string]>([
    ['/health/live', 200, 'healthy'],
    ['/health/ready', 200, 'degraded'],
    ['/health', 200, 'degraded'],
    ['/health/startup', 200, 'started'],
    ['/health/ready?exclude=cache', 200, 'healthy'],
  ])('GET %s → %d %s', async (path, status, verdict) => {
    const response = await call(path);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { status: string }).status).toBe(verdict);
  });

  it.each<[string, string[]]>([
    ['/health/ready/db-1', ['db-1']],
    ['/health/ready/%64b-1', ['db-1']],
    ['/health/ready/cache?exclude=db-1', ['cache']],
  ])('GET %s runs only the named check', async (path, expected) => {
    expect(await names(await call(path))).toEqual(expected);
  });

  it.each<[string, string]>([
    ['a malformed escape', '/health/ready/%ZZ'],
    ['a lone percent sign', '/health/ready/%'],
    ['an escape that decodes to invalid UTF-8', '/health/ready/%C0%AF'],
  ])('answers 404, not 500, for %s in a check name', async (_label, path) => {
    const response = await call(path);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: string }).error).toMatch(/^No check is named ".*"\. Known checks: db-1, cache\.$/);
  });
});

describe('createHealthRouter HEAD', () => {
  it.each(['/health/live', '/health/ready?verbose', '/health/ready/nope'])(
    'HEAD %s: the GET status and headers, no body, the GET body length as Content-Length',
    async (path) => {
      const get = await call(path);
      const getBody = new Uint8Array(await get.arrayBuffer());
      const head = await call(path, { method: 'HEAD' });
      expect(head.status).toBe(get.status);
      expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'));
      expect(head.headers.get('cache-control')).toBe('no-store');
      expect(head.headers.get('content-length')).toBe(String(getBody.byteLength));
      expect(getBody.byteLength).toBeGreaterThan(0);
      expect(head.body).toBeNull();
    },
  );
});

describe('createHealthRouter other methods and paths', () => {
  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('%s on a health path → 405 with Allow: GET, HEAD', async (method) => {
    for (const path of ['/health/live', '/health/ready', '/health/ready/db-1', '/health', '/health/startup']) {
      const response = await call(path, { method });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD');
      expect(await response.json()).toEqual({ status: 'error', error: `Method ${method} is not allowed here; use GET or HEAD.` });
    }
  });

  it.each(['/', '/healthz', '/health/livez', '/health/ready/db-1/extra', '/api/health/live'])('GET %s → a JSON 404 that names the endpoints', async (path) => {
    const response = await call(path);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toEqual({
      status: 'error',
      error: `Not found: ${path}. Try /health/live, /health/ready or /health/startup.`,
    });
  });

  it('hands every other path, any method, to the fallback', async () => {
    const fallback = async (request: Request): Promise<Response> => new Response(`app: ${request.method} ${new URL(request.url).pathname}`);
    expect(await (await call('/orders/7', { method: 'POST' }, { fallback })).text()).toBe('app: POST /orders/7');
    expect((await call('/health/live', {}, { fallback })).status).toBe(200);
  });

  it.each<[string, string, string]>([
    ['a trailing slash', '/status/', '/status/live'],
    ['no leading path', '/', '/live'],
  ])('mounts under a custom base with %s', async (_label, base, live) => {
    expect((await call(live, {}, { base })).status).toBe(200);
    expect((await call('/health/live', {}, { base })).status).toBe(404);
  });

  it('answers 500 with a plain message when a handler throws, and reports the error redacted', async () => {
    const reported: string[] = [];
    const fallback = async (): Promise<Response> => {
      throw new Error('cannot reach postgres://app:hunter2@db.internal/main');
    };
    const response = await call('/elsewhere', {}, { fallback, onError: (message) => reported.push(message) });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ status: 'error', error: 'Internal error while answering the health check.' });
    expect(reported).toHaveLength(1);
    expect(reported[0]).toContain('postgres://[redacted]@db.internal/main');
    expect(`${text}${reported.join('')}`).not.toContain('hunter2');
  });

  it('counts each request in and out of the lifecycle, thrown errors included', async () => {
    const health = ALL_HEALTHY();
    const router = createHealthRouter(health, { fallback: () => Promise.reject(new Error('boom')), onError: () => {} });
    await router.fetch(new Request('http://svc/health/ready'));
    await router.fetch(new Request('http://svc/elsewhere'));
    expect(health.lifecycle.inFlight).toBe(0);
  });
});
