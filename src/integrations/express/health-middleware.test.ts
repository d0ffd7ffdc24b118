import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { httpCheck } from '../../checks/http/index.ts';
import { createHealth } from '../../core/index.ts';
import { healthMiddleware } from './index.ts';

const fixtures = inject('fixtures');
let origin = '';
let close: () => Promise<void> = async () => {};

/** A user's Express app: its own routes, the health endpoints mounted at /health. */
beforeAll(async () => {
  const health = createHealth({
    version: 'express-1',
    checks: [
      httpCheck({ name: 'api', url: `${fixtures.http}/ok` }),
      httpCheck({ name: 'search', url: `${fixtures.http}/status?code=500`, category: 'non-critical' }),
    ],
  });
  const app = express();
  app.get('/', (_req, res) => void res.send('home'));
  app.use('/health', healthMiddleware(health));
  app.get('/health/custom', (_req, res) => void res.send('custom'));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});

afterAll(() => close());

const get = (path: string, init?: RequestInit): Promise<Response> => fetch(`${origin}${path}`, init);

describe('healthMiddleware mounted on a real Express server', () => {
  it('readiness: 200 degraded with a non-critical API down, every check reported in order', async () => {
    const response = await get('/health/ready');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toMatchObject({
      status: 'degraded',
      version: 'express-1',
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

  it('leaves other paths to the app: its own routes under /health, and its 404', async () => {
    expect(await (await get('/health/custom')).text()).toBe('custom');
    expect(await (await get('/')).text()).toBe('home');
    const missing = await get('/health/nope');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Cannot GET /health/nope');
  });

  it('HEAD: the status, headers and Content-Length of GET, no body; POST with a body: 405 with Allow', async () => {
    const getResponse = await get('/health/startup');
    const length = new TextEncoder().encode(await getResponse.text()).byteLength;
    const head = await get('/health/startup', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(Math.abs(Number(head.headers.get('content-length')) - length)).toBeLessThanOrEqual(4);
    expect(await head.text()).toBe('');

    const post = await get('/health/ready', { method: 'POST', body: '{"probe":true}', headers: { 'content-type': 'application/json' } });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});
