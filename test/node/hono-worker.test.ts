import { convertV4MiniflareOptions, Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildFixtureWorker } from '../support/fixture-worker.ts';
import { workerCompatibility } from '../support/miniflare-worker.ts';

const fixtures = inject('fixtures');
let bundle = '';
let script = '';
let mf: Miniflare | undefined;

const start = (bindings: Record<string, string>): Miniflare =>
  new Miniflare(convertV4MiniflareOptions({ modules: true, scriptPath: script, compatibilityDate: workerCompatibility.compatibilityDate, bindings }));

describe('a Hono Worker mounting healthApp, built by wrangler from the public subpaths, in workerd', () => {
  beforeAll(() => {
    ({ script, text: bundle } = buildFixtureWorker('hono-worker'));
    mf = start({ API_URL: `${fixtures.http}/ok`, SERVICE_VERSION: 'hono-worker-7' });
  }, 120_000);

  afterAll(async () => {
    await mf?.dispose();
  });

  it('answers readiness with the checks and version built from the bindings', async () => {
    const response = await mf!.dispatchFetch('http://worker.test/health/ready');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'healthy',
      version: 'hono-worker-7',
      dependencies: [{ name: 'api', status: 'healthy', details: { status_code: 200 } }],
    });
  });

  it('keeps one health per isolate: the request counter goes on, the isolate id stays', async () => {
    const live = async (): Promise<{ id: string; requests: number }> =>
      ((await (await mf!.dispatchFetch('http://worker.test/health/live')).json()) as { isolate: { id: string; requests: number } }).isolate;
    const first = await live();
    const second = await live();
    expect(second).toMatchObject({ id: first.id, requests: first.requests + 1 });
  });

  it('leaves the app its own routes and 404', async () => {
    expect(await (await mf!.dispatchFetch('http://worker.test/')).text()).toBe('home of hono-worker-7');
    expect((await mf!.dispatchFetch('http://worker.test/health/nope')).status).toBe(404);
  });

  it('answers 503 when the API the bindings name is down', async () => {
    const down = start({ API_URL: `${fixtures.http}/status?code=503`, SERVICE_VERSION: 'hono-worker-7' });
    try {
      const response = await down.dispatchFetch('http://worker.test/health/ready');
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: 'unhealthy', dependencies: [{ name: 'api', reason: 'http_status' }] });
    } finally {
      await down.dispose();
    }
  });

  it('bundles no database driver', () => {
    expect(bundle).not.toMatch(/neondatabase|NeonDbError|Upstash-Encoding/);
  });
});
