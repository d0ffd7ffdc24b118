import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type Served } from '../adapters/node/index.ts';
import { createHealth, Lifecycle, REAL_REQUEST, takesLazyRequests } from '../core/index.ts';
import { createHealthRouter } from './create-health-router.ts';

let served: Served;
const seen: string[] = [];

beforeAll(async () => {
  const lifecycle = new Lifecycle();
  lifecycle.markReady();
  const health = createHealth({ lifecycle });
  const router = createHealthRouter(health, {
    routes: {
      // A user's handler may do what only a real Request allows.
      '/mine': async (request) => (seen.push(REAL_REQUEST in request ? 'lazy' : 'real'), new Response(new Request(request).url)),
      '/lazy': takesLazyRequests(async (request: Request) => (seen.push(REAL_REQUEST in request ? 'lazy' : 'real'), new Response('ok'))),
    },
  });
  served = await serve(router.fetch, { lifecycle, port: 0, signals: [], drainDelayMs: 0, onStopped: () => {}, log: () => {} });
});
afterAll(() => served.shutdown());

describe('extra routes', () => {
  it('serves extra routes under the base path with GET and HEAD, and 405 for other methods', async () => {
    const response = await fetch(`${served.url}/health/mine?x=1`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(`${served.url}/health/mine?x=1`);
    expect((await fetch(`${served.url}/health/mine`, { method: 'HEAD' })).status).toBe(200);
    expect((await fetch(`${served.url}/health/mine`, { method: 'DELETE' })).status).toBe(405);
  });

  it('hands a lazy request only to a handler that says it takes one', async () => {
    seen.length = 0;
    await (await fetch(`${served.url}/health/lazy`)).text();
    await (await fetch(`${served.url}/health/mine`)).text();
    expect(seen).toEqual(['lazy', 'real']);
  });
});
