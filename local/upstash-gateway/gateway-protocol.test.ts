import { Redis as IoRedis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type EphemeralRedis } from '../redis/index.ts';
import { startUpstashGateway, type UpstashGateway } from './index.ts';

// The wire protocol, with raw fetch: what the client never sends on its own.
const TOKEN = 'protocol-test-token-93be21';
const b64 = (text: string): string => Buffer.from(text).toString('base64');

describe('gateway protocol', () => {
  let server: EphemeralRedis;
  let gateway: UpstashGateway;
  let direct: IoRedis;
  const seen: string[] = [];

  async function call(
    path: string,
    init: { method?: string; body?: string; token?: string | null; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; json: unknown }> {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...init.headers };
    if (init.token !== null) headers['authorization'] = `Bearer ${init.token ?? TOKEN}`;
    const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
    const response = await fetch(`${gateway.url}${path}`, { method, headers, ...(init.body === undefined ? {} : { body: init.body }) });
    const text = await response.text();
    seen.push(text);
    expect(response.headers.get('content-type')).toBe('application/json');
    return { status: response.status, json: JSON.parse(text) as unknown };
  }
  const base64 = { 'upstash-encoding': 'base64' };

  beforeAll(async () => {
    server = await startRedis();
    gateway = await startUpstashGateway({ redisUrl: server.url, token: TOKEN });
    direct = new IoRedis(server.url, { lazyConnect: true });
    await direct.connect();
  });

  afterAll(async () => {
    direct?.disconnect();
    await gateway?.close();
    await server?.stop();
  });

  describe('auth', () => {
    const WRONGPASS = {
      error: 'WRONGPASS invalid or missing auth token. See https://docs.upstash.com/redis/troubleshooting/http_unauthorized for details.',
    };

    it('answers 401 and Upstash\'s WRONGPASS text without a token', async () => {
      expect(await call('/', { body: '["PING"]', token: null })).toEqual({ status: 401, json: WRONGPASS });
    });

    it('answers 401 to a wrong token or another scheme', async () => {
      expect(await call('/', { body: '["PING"]', token: 'nope' })).toEqual({ status: 401, json: WRONGPASS });
      const basic = await fetch(gateway.url, { method: 'POST', body: '["PING"]', headers: { authorization: `Basic ${TOKEN}` } });
      expect(basic.status).toBe(401);
      seen.push(await basic.text());
    });

    it('accepts the token as the _token query parameter, and never passes it to Redis as an argument', async () => {
      expect(await call(`/set/query-auth/v1?EX=60&_token=${TOKEN}`, { token: null })).toEqual({ status: 200, json: { result: 'OK' } });
      expect(await call(`/?_token=${TOKEN}`, { body: '["GET","query-auth"]', token: null })).toEqual({ status: 200, json: { result: 'v1' } });
      expect(await direct.ttl('query-auth')).toBeGreaterThan(0);
    });

    it('answers 401 to a wrong _token', async () => {
      expect(await call('/get/query-auth?_token=nope', { token: null })).toEqual({ status: 401, json: WRONGPASS });
    });
  });

  describe('POST / (one command)', () => {
    it('answers {result} in UTF-8 without Upstash-Encoding', async () => {
      expect(await call('/', { body: '["SET","plain","välue"]' })).toEqual({ status: 200, json: { result: 'OK' } });
      expect(await call('/', { body: '["GET","plain"]' })).toEqual({ status: 200, json: { result: 'välue' } });
    });

    it('base64-encodes every string with Upstash-Encoding: base64, leaving numbers and null', async () => {
      await call('/', { body: '["RPUSH","letters","x","ÿ"]' });
      expect(await call('/', { body: '["GET","plain"]', headers: base64 })).toEqual({ status: 200, json: { result: b64('välue') } });
      expect(await call('/', { body: '["LRANGE","letters",0,-1]', headers: base64 })).toEqual({
        status: 200,
        json: { result: [b64('x'), b64('ÿ')] },
      });
      expect(await call('/', { body: '["INCR","n"]', headers: base64 })).toEqual({ status: 200, json: { result: 1 } });
      expect(await call('/', { body: '["GET","missing"]', headers: base64 })).toEqual({ status: 200, json: { result: null } });
    });

    it('returns binary values byte for byte in base64', async () => {
      const bytes = Buffer.from([0xff, 0x00, 0xfe, 0x80, 0x0a]);
      await direct.set('binary', bytes);
      const { json } = await call('/', { body: '["GET","binary"]', headers: base64 });
      expect(Buffer.from((json as { result: string }).result, 'base64')).toEqual(bytes);
    });

    it('keeps Redis flat arrays (no ioredis reshaping of HGETALL or WITHSCORES)', async () => {
      await call('/', { body: '["HSET","h","f","v"]' });
      expect((await call('/', { body: '["HGETALL","h"]' })).json).toEqual({ result: ['f', 'v'] });
      await call('/', { body: '["ZADD","z",1.5,"m"]' });
      expect((await call('/', { body: '["ZRANGE","z",0,-1,"WITHSCORES"]' })).json).toEqual({ result: ['m', '1.5'] });
    });

    it('answers a Redis error with 400 {error}', async () => {
      expect(await call('/', { body: '["INCR","plain"]' })).toEqual({
        status: 400,
        json: { error: 'ERR value is not an integer or out of range' },
      });
    });
  });

  describe('POST /pipeline and /multi-exec', () => {
    it('answers a pipeline with one {result}|{error} per command', async () => {
      expect(await call('/pipeline', { body: '[["SET","pk","1"],["INCR","plain"],["INCR","pk"]]', headers: base64 })).toEqual({
        status: 200,
        json: [{ result: b64('OK') }, { error: 'ERR value is not an integer or out of range' }, { result: 2 }],
      });
    });

    it('runs /multi-exec as a transaction', async () => {
      expect(await call('/multi-exec', { body: '[["SET","tx","a"],["APPEND","tx","b"],["GET","tx"]]' })).toEqual({
        status: 200,
        json: [{ result: 'OK' }, { result: 2 }, { result: 'ab' }],
      });
    });

    it('aborts a transaction with a command Redis refuses to queue', async () => {
      expect(await call('/multi-exec', { body: '[["SET","tx2","a"],["NOSUCHCOMMAND"]]' })).toEqual({
        status: 400,
        json: { error: expect.stringMatching(/^EXECABORT/) },
      });
      expect(await direct.exists('tx2')).toBe(0);
    });
  });

  describe('URL form', () => {
    it('takes a command from the path and the query', async () => {
      expect((await call('/set/path-key/path%20value?EX=100')).json).toEqual({ result: 'OK' });
      expect((await call('/get/path-key')).json).toEqual({ result: 'path value' });
      expect(await direct.ttl('path-key')).toBeGreaterThan(90);
    });

    it('appends a POST body as the last argument', async () => {
      await call('/set/body-key', { body: 'raw body, not JSON' });
      expect(await direct.get('body-key')).toBe('raw body, not JSON');
    });
  });

  describe('bad requests', () => {
    it.for([
      ['malformed JSON', '/', '["PING"', /not valid JSON/],
      ['an empty body', '/', '', /body is empty/],
      ['an object', '/', '{"command":"PING"}', /non-empty JSON array/],
      ['a nested array', '/', '[["PING"]]', /item 1 of the command is object/],
      ['a null argument', '/', '["SET","k",null]', /item 3 of the command is null/],
      ['a flat pipeline', '/pipeline', '["PING"]', /command 1 of 1 must be a non-empty JSON array/],
      ['an empty pipeline', '/pipeline', '[]', /non-empty JSON array of commands/],
      ['a connection-state command', '/', '["SELECT","1"]', /SELECT is not supported/],
      ['MULTI on its own', '/', '["MULTI"]', /POST \/multi-exec/],
    ] as const)('answers 400 with a readable message to %s', async ([, path, body, message]) => {
      const { status, json } = await call(path, { body });
      expect(status).toBe(400);
      expect((json as { error: string }).error).toMatch(message);
    });

    it('answers 405 to other methods', async () => {
      expect((await call('/', { method: 'PUT', body: '["PING"]' })).status).toBe(405);
    });

    it('answers 413 to a body over maxBodyBytes', async () => {
      const small = await startUpstashGateway({ redisUrl: server.url, token: TOKEN, maxBodyBytes: 16 });
      try {
        const response = await fetch(small.url, {
          method: 'POST',
          headers: { authorization: `Bearer ${TOKEN}` },
          body: JSON.stringify(['SET', 'big', 'x'.repeat(100)]),
        });
        expect(response.status).toBe(413);
        expect(await response.json()).toEqual({ error: expect.stringMatching(/at most 16/) });
      } finally {
        await small.close();
      }
    });
  });

  it('never put the token in a response', () => {
    expect(seen.length).toBeGreaterThan(20);
    for (const text of seen) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(b64(TOKEN));
    }
  });
});
