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
