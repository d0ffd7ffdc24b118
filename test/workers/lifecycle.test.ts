import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createAppFromEnv } from '../../src/config/index.ts';
import { createHealth, Lifecycle } from '../../src/core/index.ts';
import { createHealthRouter } from '../../src/router/index.ts';
import { call, callLogged, fixtures, httpChecksEnv, json } from './helpers.ts';

const get = (fetch: (r: Request) => Promise<Response>, path: string): Promise<Response> => fetch(new Request(`http://health.test${path}`));

describe('first requests in workerd', () => {
  it('share one init between concurrent first requests', async () => {
    let runs = 0;
    const app = createAppFromEnv(
      {},
      {
        platform: 'cloudflare-workers',
        init: [
          {
            name: 'warm-up',
            run: async (signal) => {
              runs += 1;
              await (await fetch(`${fixtures.http}/slow?ms=150`, { signal })).text();
            },
          },
        ],
      },
    );
    const answers = await Promise.all([get(app.fetch, '/health/startup'), get(app.fetch, '/health/ready'), get(app.fetch, '/health/startup')]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(runs).toBe(1);
    const bodies = await Promise.all(answers.map(json));
    expect(bodies.map((b) => b.isolate?.cold_start)).toEqual([true, false, false]);
  });

  it('answers startup 503 starting while a slow init runs, then 200', async () => {
    const lifecycle = new Lifecycle({ platform: 'test', init: [{ name: 'slow', run: async () => { await (await fetch(`${fixtures.http}/slow?ms=300`)).text(); } }] });
    const router = createHealthRouter(createHealth({ lifecycle, initWaitMs: 50 }));
    const early = await get(router.fetch, '/health/startup');
    expect(early.status).toBe(503);
    expect(await json(early)).toMatchObject({ status: 'starting' });
    const ready = await get(router.fetch, '/health/ready');
    expect(ready.status).toBe(503);
    expect(await json(ready)).toMatchObject({ status: 'not_started' });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await get(router.fetch, '/health/startup')).status).toBe(200);
  });

  it('fails startup with a redacted reason, retries with backoff rather than on every request, then recovers', async () => {
    let attempts = 0;
    const lifecycle = new Lifecycle({
      retryDelayMs: 200,
      secrets: ['sk_live_123456'],
      init: [
        {
          name: 'secrets',
          run: () => {
            attempts += 1;
            if (attempts === 1) throw new Error('API key sk_live_123456 rejected');
          },
        },
      ],
    });
    const router = createHealthRouter(createHealth({ lifecycle }));
    const failed = await get(router.fetch, '/health/startup');
    expect(failed.status).toBe(503);
    const body = await json(failed);
    expect(body.status).toBe('failed');
    expect(body.message).toContain('secrets: API key [redacted] rejected');
    expect(JSON.stringify(body)).not.toContain('sk_live_123456');
    expect((await get(router.fetch, '/health/ready')).status).toBe(503);
    expect((await get(router.fetch, '/health/live')).status).toBe(200);
    await get(router.fetch, '/health/startup');
    expect(attempts).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 250));
    const recovered = await get(router.fetch, '/health/startup');
    expect(recovered.status).toBe(200);
    expect(attempts).toBe(2);
  });
});

describe('the drain switch in workerd', () => {
  it('takes the isolate out of rotation with a KV flag, without a redeploy, and back', async () => {
    const workerEnv = httpChecksEnv([{ name: 'api', url: `${fixtures.http}/ok` }], { HEALTH_FLAGS: env.HEALTH_FLAGS, HEALTH_DRAIN_CACHE_MS: '1' });
    expect((await call(workerEnv, '/health/ready')).status).toBe(200);

    await env.HEALTH_FLAGS.put('drain', 'true');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const drained = await call(workerEnv, '/health/ready');
    expect(drained.status).toBe(503);
    expect(await json(drained)).toMatchObject({ status: 'draining', dependencies: [], isolate: { state: 'draining' } });
    expect((await call(workerEnv, '/health/live')).status).toBe(200);

    await env.HEALTH_FLAGS.delete('drain');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const back = await call(workerEnv, '/health/ready');
    expect(back.status).toBe(200);
    expect(await json(back)).toMatchObject({ status: 'healthy' });
  });

  it('reads the flag at most once per cache period', async () => {
    const workerEnv = httpChecksEnv([], { HEALTH_FLAGS: env.HEALTH_FLAGS, HEALTH_DRAIN_CACHE_MS: '60000' });
    expect((await call(workerEnv, '/health/ready')).status).toBe(200);
    await env.HEALTH_FLAGS.put('drain', 'true');
    expect((await call(workerEnv, '/health/ready')).status).toBe(200);
    await env.HEALTH_FLAGS.delete('drain');
  });

  it('drains every isolate with HEALTH_DRAIN=true', async () => {
    const response = await call(httpChecksEnv([], { HEALTH_DRAIN: 'true' }), '/health/ready');
    expect(response.status).toBe(503);
    expect(await json(response)).toMatchObject({ status: 'draining', message: 'drained by HEALTH_DRAIN' });
  });

  it('names an invalid HEALTH_DRAIN in the log, never quoting the value', async () => {
    const { text, log } = await callLogged(httpChecksEnv([], { HEALTH_DRAIN: 'maybe' }), '/health/startup');
    expect(log).toContain('HEALTH_DRAIN must be true or false (also 1/0, yes/no, on/off).');
    for (const shown of [text, log]) expect(shown).not.toContain('maybe');
  });
});
