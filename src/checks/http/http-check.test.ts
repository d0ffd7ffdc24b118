import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCheckOptionError, runCheck } from '../../core/index.ts';
import { httpCheck } from './http-check.ts';

/** A real server that answers 200 and records each request's headers and path. */
const seen: { url: string; headers: IncomingHttpHeaders }[] = [];
const server = createServer((request, response) => {
  seen.push({ url: request.url ?? '', headers: request.headers });
  response.writeHead(200).end('ok');
});
let port = 0;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function authorizationFor(url: string, headers?: Record<string, string>): Promise<string | undefined> {
  seen.length = 0;
  const report = await runCheck(httpCheck({ name: 'api', url, timeoutMs: 2000, ...(headers ? { headers } : {}) }));
  expect(report.status).toBe('healthy');
  expect(seen).toHaveLength(1);
  expect(seen[0]?.url).toBe('/ping?x=1');
  return seen[0]?.headers.authorization;
}

const basic = (pair: string): string => `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;

describe('httpCheck credentials in the URL', () => {
  it.each([
    ['user and password', 'alice:s3cret', 'alice:s3cret'],
    ['percent-encoded characters', 'al%40ice:p%3Ass%2Fw%25rd', 'al@ice:p:ss/w%rd'],
    ['UTF-8', 'j%C3%BCrgen:p%C3%A4ss', 'jürgen:päss'],
    ['a user only', 'token123', 'token123:'],
    ['an empty user', ':only-password', ':only-password'],
  ])('sends %s as Authorization: Basic, percent-decoded, and strips them from the URL', async (_, userinfo, decoded) => {
    expect(await authorizationFor(`http://${userinfo}@127.0.0.1:${port}/ping?x=1`)).toBe(basic(decoded));
  });

  it('lets an explicit Authorization header win over credentials in the URL', async () => {
    expect(await authorizationFor(`http://alice:s3cret@127.0.0.1:${port}/ping?x=1`, { authorization: 'Bearer explicit-token' })).toBe('Bearer explicit-token');
  });

  it('sends no Authorization when the URL has no credentials', async () => {
    expect(await authorizationFor(`http://127.0.0.1:${port}/ping?x=1`)).toBeUndefined();
  });

  it('treats the credentials as secrets of the check', () => {
    const check = httpCheck({ name: 'api', url: `http://alice-user:s3cret-pw@127.0.0.1:${port}/` });
    expect(check.secrets).toEqual(expect.arrayContaining(['alice-user', 's3cret-pw']));
  });

  it.each([
    ['a malformed escape in the password', 'https://u:%zzsecret@api.test/'],
    ['a truncated escape in the user', 'https://user%e@api.test/'],
    ['an invalid UTF-8 sequence', 'https://u:%C3%28secret@api.test/'],
  ])('reports %s as an invalid url option, quoting nothing of it', (_, url) => {
    let thrown: unknown;
    try {
      httpCheck({ name: 'api', url });
    } catch (error) {
      thrown = error;
    }
    expect(isCheckOptionError(thrown)).toBe(true);
    expect(thrown).toMatchObject({ option: 'url', message: 'Check "api": url must percent-encode its user and password correctly (a "%" followed by two hex digits).' });
    expect((thrown as Error).message).not.toMatch(/secret|%zz|%e@|%C3/);
  });
});

describe('httpCheck options', () => {
  it.each([
    [{ url: 'user:pass@api.test/' }, 'url', 'must be an absolute http or https URL'],
    [{ url: 'ftp://files.test/' }, 'url', 'must be an absolute http or https URL'],
    [{ url: 'https://api.test/', method: 'GE T' }, 'method', 'must be an HTTP method such as "GET" or "HEAD"'],
    [{ url: 'https://api.test/', headers: { 'x-key': 'line\nbreak-secret' } }, 'headers', 'must be an object of header names and string values valid in HTTP'],
    [{ url: 'https://api.test/', headers: { 'bad header': 'v' } }, 'headers', 'must be an object of header names and string values valid in HTTP'],
    [{ url: 'https://api.test/', headers: { a: 1 } }, 'headers', 'must be an object of header names and string values valid in HTTP'],
    [{ url: 'https://api.test/', expectStatus: [200, 1000] }, 'expectStatus', 'must be a status code or a list of status codes (100-599)'],
    [{ url: 'https://api.test/', expectStatus: [] }, 'expectStatus', 'must be a status code or a list of status codes (100-599)'],
  ])('rejects %j as an invalid %s option', (options, option, expected) => {
    let thrown: unknown;
    try {
      httpCheck({ name: 'api', ...(options as { url: string }) });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ name: 'ConfigError', option, expected });
    expect((thrown as Error).message).not.toMatch(/user|pass|ftp|GE T|secret|bad header|1000/);
  });
});

describe('httpCheck with a body it does not read', () => {
  it.each([
    ['a healthy answer', 200, 'healthy'],
    ['an unhealthy answer', 503, 'unhealthy'],
  ])('cancels the body of %s with an AbortError', async (_, status, expected) => {
    const reasons: unknown[] = [];
    const fetchStub = async (): Promise<Response> => {
      const body = new ReadableStream({ cancel: (reason) => void reasons.push(reason) });
      return new Response(body, { status });
    };
    const report = await runCheck(httpCheck({ name: 'api', url: 'http://api.invalid/', fetch: fetchStub }));
    expect(report.status).toBe(expected);
    expect(reasons.map((reason) => (reason as Error).name)).toEqual(['AbortError']);
  });
});
