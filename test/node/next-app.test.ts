import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { root, spawnServer } from '../conformance/targets/spawn-server.ts';
import type { Instance } from '../conformance/targets/target.ts';

const fixtures = inject('fixtures');
const next = `${root}node_modules/.bin/next`;
const app = 'test/fixtures/next-app';
const NEXT_ENV = { NEXT_TELEMETRY_DISABLED: '1' };
let up: Instance | undefined;
let down: Instance | undefined;

const startNext = (env: Record<string, string>): Promise<Instance> =>
  spawnServer(next, ['start', app, '--port', '0', '--hostname', '127.0.0.1'], { ...NEXT_ENV, ...env }, { listening: /Local:\s+(http:\/\/\S+)/ });

const call = (instance: Instance | undefined, path: string, init?: RequestInit): Promise<Response> => {
  if (!instance) throw new Error('next start did not start');
  return instance.fetch(new Request(`http://next.test${path}`, init));
};

describe('healthRoutes in a real Next.js app (next build, next start)', () => {
  beforeAll(async () => {
    // dist/lib (what `edge-health/next` resolves to) comes from test/build-lib-setup.ts.
    await promisify(execFile)(next, ['build', app], { cwd: root, env: { ...process.env, ...NEXT_ENV } });
    [up, down] = await Promise.all([
      startNext({ API_URL: `${fixtures.http}/ok`, SERVICE_VERSION: 'next-1' }),
      startNext({ API_URL: `${fixtures.http}/status?code=500`, SERVICE_VERSION: 'next-1' }),
    ]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([up?.stop(), down?.stop()]);
  });

  it('readiness reads the server environment at run time: 200 with the API up, 503 with it down', async () => {
    const healthy = await call(up, '/health/ready');
    expect(healthy.status).toBe(200);
    expect(healthy.headers.get('cache-control')).toBe('no-store');
    expect(await healthy.json()).toMatchObject({ status: 'healthy', version: 'next-1', dependencies: [{ name: 'api', status: 'healthy' }] });

    const unhealthy = await call(down, '/health/ready');
    expect(unhealthy.status).toBe(503);
    expect(await unhealthy.json()).toMatchObject({ status: 'unhealthy', dependencies: [{ name: 'api', status: 'unhealthy', reason: 'http_status' }] });
  });

  it('serves live, startup, readiness at /health and one check by name from one catch-all route', async () => {
    for (const [path, verdict] of [['/health/live', 'healthy'], ['/health/startup', 'started'], ['/health', 'healthy'], ['/health/ready/api', 'healthy']]) {
      const response = await call(up, path ?? '');
      expect([path, response.status, ((await response.json()) as { status: string }).status]).toEqual([path, 200, verdict]);
    }
  });

  it('keeps one health per server process: the isolate id stays and its request counter goes on', async () => {
    const isolate = async (): Promise<{ id: string; requests: number }> => ((await (await call(up, '/health/live')).json()) as { isolate: { id: string; requests: number } }).isolate;
    const first = await isolate();
    const second = await isolate();
    expect(second).toMatchObject({ id: first.id, requests: first.requests + 1 });
  });

  it('HEAD: the status of GET, no body; POST: the JSON 405 with Allow; an unknown path: the JSON 404', async () => {
    const head = await call(down, '/health/ready', { method: 'HEAD' });
    expect(head.status).toBe(503);
    expect(head.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await head.text()).toBe('');

    const post = await call(up, '/health/ready', { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect(await post.json()).toEqual({ status: 'error', error: 'Method POST is not allowed here; use GET or HEAD.' });

    const missing = await call(up, '/health/nope');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ status: 'error', error: expect.stringMatching(/^Not found: \/health\/nope\./) });
  });
});
