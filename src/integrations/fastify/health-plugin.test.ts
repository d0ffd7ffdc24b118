import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itServesMountedHealth, mountedHealth } from '../../../test/support/mounted-health-cases.ts';
import { healthPlugin } from './index.ts';

let app: FastifyInstance;
let origin = '';

/** A user's Fastify app: its own routes and JSON body parsing, the health endpoints under /health. */
beforeAll(async () => {
  const health = mountedHealth('fastify-1');
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
  itServesMountedHealth(get, 'fastify-1', ['/health/']);

  it("leaves other health paths to Fastify's 404", async () => {
    const missing = await get('/health/nope');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ statusCode: 404, error: 'Not Found' });
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
