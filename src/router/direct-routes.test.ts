import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHealth, defineCheck } from '../core/index.ts';
import { createHealthRouter, type HealthRouter } from './create-health-router.ts';

// Why a frozen clock: latencies and ages would otherwise differ between the two answers compared.
beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2026, 11, 1) }));
afterEach(() => vi.useRealTimers());

/** A router whose selections of checks have each run once, so that both answers compared read the same cached run. */
async function routerAt(base?: string): Promise<HealthRouter> {
  const router = createHealthRouter(
    createHealth({
      version: '1.0.0',
      exposeIsolate: false,
      cacheMs: 60_000,
      checks: [
        defineCheck({ name: 'db', run: () => ({ status: 'healthy' }) }),
        defineCheck({ name: 'cache', category: 'non-critical', run: () => ({ status: 'unhealthy', reason: 'http_status' }) }),
      ],
    }),
    base === undefined ? {} : { base },
  );
  const prefix = (base ?? '/health').replace(/\/+$/, '');
  for (const path of ['/ready', '/ready?exclude=cache', '/ready/db']) await router.fetch(new Request(`http://svc${prefix}${path}`));
  return router;
}

/**
 * The same request as a plain object: neither a `Request` nor an adapter's lazy
 * one, so the router can only find its route through itty.
 */
const throughItty = (request: Request): Request =>
  ({ method: request.method, url: request.url, headers: request.headers, signal: request.signal }) as Request;

const snapshot = async (response: Response | undefined): Promise<unknown> =>
  response && { status: response.status, headers: [...response.headers], body: await response.text() };

const PATHS = [
  '/health/live',
  '/health/ready',
  '/health/startup',
  '/health',
  '/health/live/',
  '/health/live//',
  '/health//live',
  '/health/./live',
  '/health/x/../ready',
  '/health/%6Cive',
  '/Health/live',
  '/health/live?verbose',
  '/health/ready?verbose',
  '/health/ready?exclude=cache',
  '/health/live#top',
  '/health/ready/db',
  '/health/livez',
  '/live',
  '/',
];

describe('core routes answered without itty', () => {
  it.each(['GET', 'HEAD', 'POST', 'get'])('%s answers every path exactly as the itty route does, under the default base', async (method) => {
    const router = await routerAt();
    for (const path of PATHS) {
      const request = (): Request => new Request(`http://svc${path}`, { method });
      expect([path, await snapshot(await router.fetch(request()))]).toEqual([path, await snapshot(await router.fetch(throughItty(request())))]);
      expect([path, await snapshot(await router.handle(request()))]).toEqual([path, await snapshot(await router.handle(throughItty(request())))]);
    }
  });

  it.each(['/', '/status/', '/api/health', '/v1.0'])('answers every path exactly as the itty route does under the base %s', async (base) => {
    const router = await routerAt(base);
    const prefix = base.replace(/\/+$/, '');
    for (const path of PATHS.map((path) => path.replace(/^\/health/, prefix) || '/')) {
      const request = (): Request => new Request(`http://svc${path}`);
      expect([path, await snapshot(await router.fetch(request()))]).toEqual([path, await snapshot(await router.fetch(throughItty(request())))]);
    }
  });

  it.each<[string, boolean]>([
    ['/health/live', false],
    ['/health/ready', false],
    ['/health/startup', false],
    ['/health/live/', true],
    ['/health/live?x=1', true],
    ['/health', true],
    ['/health/ready/db', true],
  ])('GET %s reaches itty: %s (itty leaves its parsed query on the request)', async (path, viaItty) => {
    const request = new Request(`http://svc${path}`);
    await (await routerAt()).fetch(request);
    expect('query' in request).toBe(viaItty);
  });
});
