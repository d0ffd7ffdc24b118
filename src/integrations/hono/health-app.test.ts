import { Hono } from 'hono';
import { describe, expect, inject, it, vi } from 'vitest';
import { httpCheck } from '../../checks/http/index.ts';
import { healthApp } from './index.ts';

interface Bindings {
  API_URL: string;
}

const fixtures = inject('fixtures');
const env = (path: string): Bindings => ({ API_URL: `${fixtures.http}${path}` });

/** A user's app: its own routes, and the health endpoints mounted from the bindings. */
function userApp(onError = vi.fn()): Hono<{ Bindings: Bindings }> {
  const app = new Hono<{ Bindings: Bindings }>();
  app.get('/', (c) => c.text('home'));
  app.route('/health', healthApp<Bindings>((bindings) => ({ version: 'hono-1', checks: [httpCheck({ name: 'api', url: bindings.API_URL })] }), { onError }));
  app.get('/health/custom', (c) => c.text('custom'));
  return app;
}

const bodyOf = async (response: Response): Promise<Record<string, unknown>> => (await response.json()) as Record<string, unknown>;

describe('healthApp mounted in a Hono app (Hono in Node)', () => {
  it('serves readiness from the bindings of the request: 200 when the API is up, 503 when it answers 500', async () => {
    const app = userApp();
    const up = await app.request('/health/ready', {}, env('/ok'));
    expect(up.status).toBe(200);
    expect(await bodyOf(up)).toMatchObject({ status: 'healthy', version: 'hono-1', dependencies: [{ name: 'api', status: 'healthy' }] });

    const down = await app.request('/health/ready', {}, env('/status?code=500'));
    expect(down.status).toBe(503);
    expect(await bodyOf(down)).toMatchObject({ status: 'unhealthy', dependencies: [{ name: 'api', status: 'unhealthy', reason: 'http_status' }] });
  });

  it('serves every endpoint under the mount point, and readiness at the mount point itself', async () => {
    const app = userApp();
    const bindings = env('/ok');
    for (const [path, status] of [['/health/live', 'healthy'], ['/health/startup', 'started'], ['/health', 'healthy'], ['/health/ready/api', 'healthy']] as const) {
      const response = await app.request(path, {}, bindings);
      expect([path, response.status, (await bodyOf(response)).status]).toEqual([path, 200, status]);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('keeps one health per env object: the same isolate across requests, another for other bindings', async () => {
    const app = userApp();
    const bindings = env('/ok');
    const isolateOf = async (given: Bindings): Promise<{ id: string; requests: number }> =>
      (await bodyOf(await app.request('/health/live', {}, given))).isolate as { id: string; requests: number };
    const first = await isolateOf(bindings);
    const second = await isolateOf(bindings);
    const other = await isolateOf(env('/ok'));
    expect(second.id).toBe(first.id);
    expect(second.requests).toBe(first.requests + 1);
    expect(other.id).not.toBe(first.id);
  });

  it('leaves other paths to the app: its own routes under /health, and its 404', async () => {
    const app = userApp();
    const bindings = env('/ok');
    expect(await (await app.request('/health/custom', {}, bindings)).text()).toBe('custom');
    expect(await (await app.request('/', {}, bindings)).text()).toBe('home');
    const missing = await app.request('/health/nope', {}, bindings);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('404 Not Found');
  });

  it('HEAD: the status and headers of GET, no body; POST: 405 with Allow', async () => {
    const app = userApp();
    const bindings = env('/status?code=500');
    const head = await app.request('/health/ready', { method: 'HEAD' }, bindings);
    expect(head.status).toBe(503);
    expect(head.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await head.text()).toBe('');
    const post = await app.request('/health/ready', { method: 'POST', body: '{}' }, bindings);
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('mounts anywhere: the route path of the mount is the base', async () => {
    const app = new Hono().route('/ops/status', healthApp({ version: 'static' }));
    const response = await app.request('/ops/status/live');
    expect(response.status).toBe(200);
    expect(await bodyOf(response)).toMatchObject({ status: 'healthy', version: 'static' });
    expect((await app.request('/health/live')).status).toBe(404);
  });

  it('options that throw: 503 with a readable message, the reason in the log without the secret, and a later request retries', async () => {
    const onError = vi.fn();
    let calls = 0;
    const app = new Hono<{ Bindings: { URL: string } }>().route(
      '/health',
      healthApp<{ URL: string }>((bindings) => {
        calls += 1;
        return { checks: [httpCheck({ name: 'api', url: bindings.URL })] };
      }, { onError }),
    );
    const bindings = { URL: 'ftp://user:hunter2-secret@api.example.com/' };
    const response = await app.request('/health/ready', {}, bindings);
    expect(response.status).toBe(503);
    expect(await bodyOf(response)).toEqual({ status: 'error', error: 'The health checks are misconfigured; the server log says why.' });
    expect(onError).toHaveBeenCalledOnce();
    expect(onError.mock.calls[0]?.[0]).toMatch(/^edge-health: invalid health options: /);
    expect(onError.mock.calls[0]?.[0]).not.toContain('hunter2-secret');
    await app.request('/health/ready', {}, bindings);
    expect(calls).toBe(2);
  });
});
