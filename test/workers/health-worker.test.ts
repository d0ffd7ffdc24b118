import { Router, type IRequest } from 'itty-router';
import { describe, expect, it } from 'vitest';
import { httpCheck } from '../../src/checks/http/index.ts';
import { createHealth } from '../../src/core/index.ts';
import { createHealthRouter, createHealthWorker } from '../../src/router/index.ts';
import { fixtures, json } from './helpers.ts';

interface ApiEnv {
  API_URL: string;
}

const hits = async (id: string): Promise<number> => ((await (await fetch(`${fixtures.http}/hits/${id}`)).json()) as { hits: number }).hits;

describe('createHealthWorker', () => {
  it('builds the app from env once per env object and checks what that env names', async () => {
    let builds = 0;
    const worker = createHealthWorker((env: ApiEnv) => {
      builds += 1;
      return { version: 'w-1', checks: [httpCheck({ name: 'api', url: env.API_URL })] };
    });
    const id = `worker-${crypto.randomUUID()}`;
    const env = { API_URL: `${fixtures.http}/tracked/${id}` };
    const first = await json(await worker.fetch(new Request('http://svc/health/ready'), env));
    const second = await json(await worker.fetch(new Request('http://svc/health/ready'), env));
    expect(first).toMatchObject({ status: 'healthy', version: 'w-1', dependencies: [{ name: 'api', status: 'healthy' }] });
    expect([first.isolate?.requests, second.isolate?.requests]).toEqual([1, 2]);
    expect(first.isolate?.cold_start).toBe(true);
    expect(second.isolate?.platform).toBe('cloudflare-workers');
    expect(await hits(id)).toBe(2);

    const other = await json(await worker.fetch(new Request('http://svc/health/ready'), { API_URL: `${fixtures.http}/status?code=500` }));
    expect(other).toMatchObject({ status: 'unhealthy', isolate: { requests: 1 } });
    expect(builds).toBe(2);
  });

  it('also takes an app it is handed, and passes ctx to it', async () => {
    const seen: unknown[] = [];
    const worker = createHealthWorker(() => ({ fetch: async (_request, context) => (seen.push(context), new Response('app')) }));
    const ctx = { waitUntil: () => {} };
    expect(await (await worker.fetch(new Request('http://svc/x'), {}, ctx)).text()).toBe('app');
    expect(seen).toEqual([ctx]);
  });

  it('answers 503 without details while build throws, logs it redacted, and builds again on the next request', async () => {
    const logged: string[] = [];
    const original = console.error;
    console.error = (message: string) => void logged.push(message);
    try {
      let calls = 0;
      const worker = createHealthWorker((env: ApiEnv) => {
        calls += 1;
        if (calls === 1) throw new Error(`cannot use postgres://app:s3cret-pass@db.example/app for ${env.API_URL}`);
        return { version: 'w-2', checks: [] };
      });
      const env = { API_URL: 'http://unused' };
      const failed = await worker.fetch(new Request('http://svc/health/ready'), env);
      const text = await failed.text();
      expect(failed.status).toBe(503);
      expect(text).toContain('misconfigured');
      expect(text).not.toContain('s3cret');
      expect(logged.join('\n')).toContain('invalid health options');
      expect(logged.join('\n')).not.toContain('s3cret-pass');
      const next = await worker.fetch(new Request('http://svc/health/ready'), env);
      expect(next.status).toBe(200);
      expect(calls).toBe(2);
    } finally {
      console.error = original;
    }
  });
});

describe('the deployed Worker entry and ctx.waitUntil', () => {
  it('hands one shared run to the ctx of the request that started it, whatever the number of probes', async () => {
    const { default: worker } = await import('../../src/worker.ts');
    const id = `wait-until-${crypto.randomUUID()}`;
    const env = { HEALTH_HTTP_CHECKS: JSON.stringify([{ name: 'api', url: `${fixtures.http}/tracked/${id}?ms=300` }]) };
    await worker.fetch(new Request('http://svc/health/startup'), env);
    const kept: Promise<unknown>[] = [];
    const ctx = { waitUntil: (promise: Promise<unknown>) => void kept.push(promise) };
    const answers = await Promise.all([1, 2, 3, 4].map(() => worker.fetch(new Request('http://svc/health/ready'), env, ctx)));
    expect(answers.map((response) => response.status)).toEqual([200, 200, 200, 200]);
    expect(kept).toHaveLength(1);
    expect(await hits(id)).toBe(1);
  });
});

describe('HealthRouter.handle mounted in an existing itty router', () => {
  const health = createHealthRouter(createHealth({ version: 'mounted' }));
  const app = Router<IRequest, []>();
  app.all('/health/*', (request) => health.handle(request));
  app.get('/health', (request) => health.handle(request));
  app.get('/orders', () => new Response('orders'));
  app.all('*', () => new Response('app 404', { status: 404 }));

  it('answers the health paths', async () => {
    const response = (await app.fetch(new Request('http://svc/health/live'))) as Response;
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ status: 'healthy', version: 'mounted' });
    expect(((await app.fetch(new Request('http://svc/health'))) as Response).status).toBe(200);
  });

  it("leaves every other path, and unknown paths under the base, to the app's own routes", async () => {
    expect(await ((await app.fetch(new Request('http://svc/orders'))) as Response).text()).toBe('orders');
    const unknown = (await app.fetch(new Request('http://svc/health/nope'))) as Response;
    expect([unknown.status, await unknown.text()]).toEqual([404, 'app 404']);
    expect(await health.handle(new Request('http://svc/healthz'))).toBeUndefined();
  });
});
