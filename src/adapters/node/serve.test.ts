import { afterEach, describe, expect, it } from 'vitest';
import { Lifecycle } from '../../core/index.ts';
import { rawHttp } from '../../../test/support/raw-http.ts';
import { serve, type Served } from './serve.ts';

let served: Served | undefined;
afterEach(async () => {
  served?.server.closeAllConnections();
  await new Promise((resolve) => served?.server.close(resolve));
  served = undefined;
});

async function start(): Promise<Served> {
  served = await serve(async () => new Response('ok'), {
    port: 0,
    lifecycle: new Lifecycle(),
    signals: [],
    log: () => {},
  });
  return served;
}

describe('Node adapter: requests no fetch Request can carry', () => {
  it.each([
    ['TRACE', 'TRACE /health/live HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n', 405],
    // node:http's parser knows no TRACK: it answers 400 itself, before the adapter.
    ['TRACK', 'TRACK / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n', 400],
    ['CONNECT', 'CONNECT localhost:80 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n', 405],
    ['a Host with a space', 'GET /health/live HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n', 400],
    ['a Host with a bad port', 'GET /health/live HTTP/1.1\r\nHost: localhost:99999\r\nConnection: close\r\n\r\n', 400],
    ['a Host with a path', 'GET /health/live HTTP/1.1\r\nHost: a/b@c:x\r\nConnection: close\r\n\r\n', 400],
  ])('answers %s with a clean 4xx and keeps serving', async (_name, text, status) => {
    const { url } = await start();
    const answer = await rawHttp(url, text);
    expect(answer.split('\r\n')[0]).toBe(`HTTP/1.1 ${status} ${status === 405 ? 'Method Not Allowed' : 'Bad Request'}`);
    if (!/^(TRACK|CONNECT)/.test(text)) expect(answer).toMatch(/"status":"error"/);
    if (status === 405) expect(answer).toMatch(/allow: GET, HEAD/i);
    const after = await fetch(`${url}/health/live`);
    expect(await after.text()).toBe('ok');
  });
});

describe('Node adapter: the lazy request', () => {
  it("gives a user's own handler a real Request: body, clone(), new Request() of it", async () => {
    const seen: unknown[] = [];
    served = await serve(
      async (request) => {
        seen.push(request.method, request.headers.get('x-probe'), await request.clone().text(), new Request(request).method);
        return new Response('done');
      },
      { port: 0, lifecycle: new Lifecycle(), signals: [], log: () => {} },
    );
    const response = await fetch(`${served.url}/echo?q=1`, { method: 'POST', body: 'hello', headers: { 'x-probe': 'yes' } });
    expect(await response.text()).toBe('done');
    expect(seen).toEqual(['POST', 'yes', 'hello', 'POST']);
  });

  it("hands the router's fallback (the user's app) a real Request, and the health routes a lazy one", async () => {
    const { createHealth, defineCheck } = await import('../../core/index.ts');
    const { createHealthRouter } = await import('../../router/index.ts');
    const seen: unknown[] = [];
    const lifecycle = new Lifecycle();
    const probe = defineCheck({
      name: 'probe',
      run: () => {
        seen.push('check ran');
        return { status: 'healthy' };
      },
    });
    const router = createHealthRouter(createHealth({ lifecycle, checks: [probe] }), {
      fallback: async (request) => {
        const text = await request.clone().text();
        const copy = new Request(request);
        seen.push(request instanceof Request, copy.method, copy.headers.get('x-probe'), text);
        return new Response('app');
      },
    });
    served = await serve(router.fetch, { port: 0, lifecycle, signals: [], log: () => {} });
    const app = await fetch(`${served.url}/api`, { method: 'PUT', body: 'payload', headers: { 'x-probe': 'yes' } });
    expect(await app.text()).toBe('app');
    expect(seen).toEqual([true, 'PUT', 'yes', 'payload']);
    const ready = await fetch(`${served.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(seen.at(-1)).toBe('check ran');
  });

  it('writes the headers the core adds to a light answer after building it (Age, Server-Timing) and the answer alike from the cache', async () => {
    const { createHealth, defineCheck } = await import('../../core/index.ts');
    const { createHealthRouter } = await import('../../router/index.ts');
    const lifecycle = new Lifecycle();
    const check = defineCheck({ name: 'db', run: () => ({ status: 'healthy' }) });
    const router = createHealthRouter(createHealth({ lifecycle, cacheMs: 60_000, checks: [check], exposeIsolate: false }));
    served = await serve(router.fetch, { port: 0, lifecycle, signals: [], log: () => {} });
    const first = await fetch(`${served.url}/health/ready`);
    const second = await fetch(`${served.url}/health/ready`);
    expect(first.headers.get('server-timing')).toMatch(/^db;dur=\d+$/);
    expect(second.headers.get('age')).toBe('0');
    expect(second.headers.get('cache-control')).toBe('no-store');
    expect((await second.json()).dependencies).toEqual((await first.json()).dependencies.map((d: object) => ({ ...d, age_ms: expect.any(Number) })));
  });

  it('reads Accept from the raw header lines as Headers would, joining repeated lines', async () => {
    const { createHealth } = await import('../../core/index.ts');
    const { createHealthRouter } = await import('../../router/index.ts');
    const lifecycle = new Lifecycle();
    served = await serve(createHealthRouter(createHealth({ lifecycle, exposeIsolate: false })).fetch, { port: 0, lifecycle, signals: [], log: () => {} });
    const answer = await rawHttp(served.url, 'GET /health/live HTTP/1.1\r\nHost: localhost\r\nAccept: text/plain\r\naccept: application/health+json\r\nConnection: close\r\n\r\n');
    expect(answer).toMatch(/content-type: application\/health\+json; charset=utf-8/i);
    const plain = await fetch(`${served.url}/health/live`, { headers: { Accept: 'text/plain' } });
    expect(plain.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it.each([
    ['/status', '/status/live'],
    ['/status', '/status/live/'],
    ['/status', '/status/live?x=1'],
    ['/status', '/status/ready'],
    ['', '/startup'],
    ['/a:b', '/a:b/live'],
  ])('with base %j, answers GET %s as the routes do, and HEAD and POST of it alike', async (base, path) => {
    const { createHealth } = await import('../../core/index.ts');
    const { createHealthRouter } = await import('../../router/index.ts');
    const lifecycle = new Lifecycle();
    const router = createHealthRouter(createHealth({ lifecycle, exposeIsolate: false }), { base });
    served = await serve(router.fetch, { port: 0, lifecycle, signals: [], log: () => {} });
    const get = await fetch(`${served.url}${path}`);
    expect(get.status).toBe(200);
    expect(await get.json()).toMatchObject({ in_rotation: expect.any(String), status: expect.stringMatching(/healthy|started/) });
    expect((await fetch(`${served.url}${path}`, { method: 'HEAD' })).status).toBe(200);
    expect((await fetch(`${served.url}${path}`, { method: 'POST' })).status).toBe(405);
  });

  it('aborts its signal when the client goes away before the answer', async () => {
    let aborted: Promise<unknown> | undefined;
    served = await serve(
      (request) => {
        aborted = new Promise((resolve) => request.signal.addEventListener('abort', () => resolve(request.signal.reason)));
        return new Promise<Response>(() => {});
      },
      { port: 0, lifecycle: new Lifecycle(), signals: [], log: () => {} },
    );
    const controller = new AbortController();
    const pending = fetch(`${served.url}/slow`, { signal: controller.signal }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 100));
    controller.abort();
    await pending;
    expect(String(await aborted)).toContain('client disconnected');
  });

  it('writes a core answer with its Content-Length, and HEAD with the GET length and no body', async () => {
    const { createHealth } = await import('../../core/index.ts');
    const { createHealthRouter } = await import('../../router/index.ts');
    const lifecycle = new Lifecycle();
    const router = createHealthRouter(createHealth({ lifecycle, exposeIsolate: false, version: 'v1' }));
    served = await serve(router.fetch, { port: 0, lifecycle, signals: [], log: () => {} });
    const get = await fetch(`${served.url}/health/live`);
    const body = await get.text();
    expect(get.headers.get('content-length')).toBe(String(Buffer.byteLength(body)));
    expect(JSON.parse(body)).toMatchObject({ status: 'healthy', version: 'v1' });
    const head = await rawHttp(served.url, 'HEAD /health/live HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    expect(head).toMatch(new RegExp(`content-length: ${Buffer.byteLength(body)}\\r\\n`, 'i'));
    expect(head.endsWith('\r\n\r\n')).toBe(true);
  });
});
