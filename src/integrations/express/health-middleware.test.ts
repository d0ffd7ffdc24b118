import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itServesMountedHealth, mountedHealth } from '../../../test/support/mounted-health-cases.ts';
import { healthMiddleware } from './index.ts';

let origin = '';
let close: () => Promise<void> = async () => {};

/** A user's Express app: its own routes, the health endpoints mounted at /health. */
beforeAll(async () => {
  const health = mountedHealth('express-1');
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
  itServesMountedHealth(get, 'express-1');

  it("leaves other health paths to the app's 404", async () => {
    const missing = await get('/health/nope');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Cannot GET /health/nope');
  });

  it('POST with a body: 405 with Allow', async () => {
    const post = await get('/health/ready', { method: 'POST', body: '{"probe":true}', headers: { 'content-type': 'application/json' } });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});
