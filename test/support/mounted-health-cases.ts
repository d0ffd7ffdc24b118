import { expect, inject, it } from 'vitest';
import { httpCheck } from '../../src/checks/http/index.ts';
import { createHealth, type Health } from '../../src/core/index.ts';

/** The health every mounted-framework test serves: one critical API up, one non-critical down. */
export function mountedHealth(version: string): Health {
  const fixtures = inject('fixtures');
  return createHealth({
    version,
    checks: [
      httpCheck({ name: 'api', url: `${fixtures.http}/ok` }),
      httpCheck({ name: 'search', url: `${fixtures.http}/status?code=500`, category: 'non-critical' }),
    ],
  });
}

/**
 * The cases every framework integration passes once mounted at `/health` in a
 * user's app that also serves `/` ("home") and `/health/custom` ("custom").
 */
export function itServesMountedHealth(get: (path: string, init?: RequestInit) => Promise<Response>, version: string, extraPaths: string[] = []): void {
  it('readiness: 200 degraded with a non-critical API down, every check reported in order', async () => {
    const response = await get('/health/ready');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toMatchObject({
      status: 'degraded',
      version,
      dependencies: [
        { name: 'api', status: 'healthy' },
        { name: 'search', status: 'unhealthy', reason: 'http_status' },
      ],
    });
  });

  it('serves live, startup, one check by name, readiness at the mount point, and a query', async () => {
    const cases: [string, number, string][] = [
      ['/health/live', 200, 'healthy'],
      ['/health/startup', 200, 'started'],
      ['/health/ready/api', 200, 'healthy'],
      ['/health', 200, 'degraded'],
      ...extraPaths.map((path): [string, number, string] => [path, 200, 'degraded']),
      ['/health/ready?exclude=search', 200, 'healthy'],
    ];
    for (const [path, status, verdict] of cases) {
      const response = await get(path);
      expect([path, response.status, ((await response.json()) as { status: string }).status]).toEqual([path, status, verdict]);
    }
  });

  it('an unknown check name: the JSON 404 naming the known ones', async () => {
    const response = await get('/health/ready/mysql');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ status: 'error', error: 'No check is named "mysql". Known checks: api, search.' });
  });

  it("leaves the app's own routes to it, under /health too", async () => {
    expect(await (await get('/health/custom')).text()).toBe('custom');
    expect(await (await get('/')).text()).toBe('home');
  });

  it('HEAD: the status, headers and Content-Length of GET, no body', async () => {
    const getResponse = await get('/health/startup');
    const length = new TextEncoder().encode(await getResponse.text()).byteLength;
    const head = await get('/health/startup', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(Math.abs(Number(head.headers.get('content-length')) - length)).toBeLessThanOrEqual(4);
    expect(await head.text()).toBe('');
  });
}
