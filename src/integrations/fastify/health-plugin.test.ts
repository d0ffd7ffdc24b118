import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { httpCheck } from '../../checks/http/index.ts';
import { createHealth } from '../../core/index.ts';
import { healthPlugin } from './index.ts';

const fixtures = inject('fixtures');
let app: FastifyInstance;
let origin = '';

/** A user's Fastify app: its own routes and JSON body parsing, the health endpoints under /health. */
beforeAll(async () => {
  const health = createHealth({
    version: 'fastify-1',
    checks: [
      httpCheck({ name: 'api', url: `${fixtures.http}/ok` }),
      httpCheck({ name: 'search', url: `${fixtures.http}/status?code=500`, category: 'non-critical' }),
    ],
  });
  app = Fastify();
  app.get('/', async () => 'home');
  app.post('/echo', async (request) => request.body);
  await app.register(healthPlugin(health), { prefix: '/health' });
  app.get('/health/custom', async () => 'custom');
  origin = await app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(() => app.close());

const get = (path: string, init?: RequestInit): Promise<Response> => fetch(`${origin}${path}`, init);

describe('healthPlugin registered on a real Fastify server', () => {
  it('readiness: 200 degraded with a non-critical API down, every check reported in order', async () => {
    const response = await get('/health/ready');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toMatchObject({
      status: 'degraded',
      version: 'fastify-1',
      dependencies: [
        { name: 'api', status: 'healthy' },
        { name: 'search', status: 'unhealthy', reason: 'http_status' },
      ],
    });
  });

  it('serves live, startup, one check by name, readiness at the prefix (with and without a slash), and a query', async () => {
    const cases: [string, number, string][] = [
      ['/health/live', 200, 'healthy'],
      ['/health/startup', 200, 'started'],
      ['/health/ready/api', 200, 'healthy'],
      ['/health', 200, 'degraded'],
      ['/health/', 200, 'degraded'],
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

  it("leaves other paths to the app: its own routes under /health, and Fastify's 404", async () => {
    expect(await (await get('/health/custom')).text()).toBe('custom');
    expect(await (await get('/')).text()).toBe('home');
    const missing = await get('/health/nope');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ statusCode: 404, error: 'Not Found' });
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

  it('POST with any body: 405 with Allow, never a 415; the app keeps parsing JSON elsewhere', async () => {
    const bodies: [string, string][] = [['application/json', '{"probe":true}'], ['application/x-unknown', 'x'], ['application/json', '{not json']];
    for (const [type, body] of bodies) {
      const post = await get('/health/ready', { method: 'POST', body, headers: { 'content-type': type } });
      expect([type, post.status, post.headers.get('allow')]).toEqual([type, 405, 'GET, HEAD']);
    }
    const echo = await get('/echo', { method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json' } });
    expect(await echo.json()).toEqual({ a: 1 });
  });
});
