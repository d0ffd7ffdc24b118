import { Redis } from '@upstash/redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type EphemeralRedis } from '../redis/index.ts';
import { startUpstashGateway, type UpstashGateway } from './index.ts';

// The real client on its default options: auto-pipelining, base64 replies, retries, telemetry headers.
const TOKEN = 'client-test-token-5f1c0a9e';

describe('@upstash/redis against the gateway', () => {
  let server: EphemeralRedis;
  let gateway: UpstashGateway;
  let redis: Redis;
  const logLines: string[] = [];
  const responseBodies: string[] = [];
  const requestPaths: string[] = [];
  const realFetch = globalThis.fetch;

  beforeAll(async () => {
    server = await startRedis();
    gateway = await startUpstashGateway({ redisUrl: server.url, token: TOKEN, log: (line) => logLines.push(line) });
    // A pass-through recorder (the client calls the global fetch), so the last test can read every answer.
    globalThis.fetch = async (input, init) => {
      requestPaths.push(new URL(input instanceof Request ? input.url : input).pathname);
      const response = await realFetch(input, init);
      responseBodies.push(await response.clone().text());
      return response;
    };
    redis = new Redis({ url: gateway.url, token: TOKEN });
  });

  afterAll(async () => {
    globalThis.fetch = realFetch;
    await gateway?.close();
    await server?.stop();
  });

  it('pings, through /pipeline like every auto-pipelined command', async () => {
    expect(await redis.ping()).toBe('PONG');
    expect(requestPaths.at(-1)).toBe('/pipeline');
  });

  it('sets with an expiry and gets', async () => {
    expect(await redis.set('greeting', 'hello', { ex: 10 })).toBe('OK');
    expect(await redis.get('greeting')).toBe('hello');
    const ttl = await redis.ttl('greeting');
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(10);
  });

  it('increments', async () => {
    expect(await redis.incr('counter')).toBe(1);
    expect(await redis.incr('counter')).toBe(2);
    expect(await redis.incrby('counter', 40)).toBe(42);
  });

  it('writes and reads hashes', async () => {
    expect(await redis.hset('user:1', { name: 'Ada', visits: 3 })).toBe(2);
    expect(await redis.hgetall('user:1')).toEqual({ name: 'Ada', visits: 3 });
    expect(await redis.hget('user:1', 'name')).toBe('Ada');
  });

  it('pushes to and reads lists', async () => {
    expect(await redis.rpush('queue', 'b', 'c')).toBe(2);
    expect(await redis.lpush('queue', 'a')).toBe(3);
    expect(await redis.lrange('queue', 0, -1)).toEqual(['a', 'b', 'c']);
    expect(await redis.lpop('queue')).toBe('a');
  });

  it('round-trips non-ASCII and binary-ish text through base64', async () => {
    const tricky = 'héllo wörld ✓ 😀 日本語 \u0000\u0001\u007f\ufffd \\ "quoted" \n\t end';
    await redis.set('tricky', tricky);
    expect(await redis.get('tricky')).toBe(tricky);
    // Strings that look like base64, or like the "OK" the client special-cases, stay themselves.
    await redis.mset({ b64: 'T0s=', ok: 'OK' });
    expect(await redis.mget('b64', 'ok')).toEqual(['T0s=', 'OK']);
  });

  it('serializes and deserializes JSON objects', async () => {
    const doc = { nested: { list: [1, 'two', null], flag: true }, unicode: 'ü', empty: {} };
    await redis.set('doc', doc);
    expect(await redis.get('doc')).toEqual(doc);
  });

  it('auto-pipelines concurrent commands into one /pipeline request', async () => {
    const before = requestPaths.length;
    // Writes only: the client batches reads and writes into separate, concurrent pipelines.
    const results = await Promise.all([redis.set('a', 1), redis.incr('a'), redis.incrby('a', 2), redis.expire('a', 60)]);
    expect(results).toEqual(['OK', 2, 4, 1]);
    expect(requestPaths.slice(before)).toEqual(['/pipeline']);
  });

  it('runs an explicit pipeline', async () => {
    const results = await redis.pipeline().set('p', 'v').get('p').incr('pc').hgetall('user:1').exec();
    expect(results).toEqual(['OK', 'v', 1, { name: 'Ada', visits: 3 }]);
  });

  it('runs a MULTI/EXEC transaction', async () => {
    const results = await redis.multi().set('t', 10).incrby('t', 5).get('t').exec();
    expect(results).toEqual(['OK', 15, 15]);
    expect(requestPaths.at(-1)).toBe('/multi-exec');
  });

  it('surfaces a command error as a rejection', async () => {
    await redis.set('text', 'not a number');
    await expect(redis.incr('text')).rejects.toThrow(/ERR value is not an integer/);
    await expect(redis.pipeline().get('text').incr('text').exec()).rejects.toThrow(/Command 2 \[ incr \] failed/);
  });

  it('rejects a wrong token', async () => {
    const intruder = new Redis({ url: gateway.url, token: 'wrong-token' });
    await expect(intruder.ping()).rejects.toThrow(/^WRONGPASS invalid or missing auth token/);
  });

  it('never put the token in a response or a log line', () => {
    const encoded = Buffer.from(TOKEN).toString('base64');
    expect(responseBodies.length).toBeGreaterThan(10);
    for (const text of [...responseBodies, ...logLines]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(encoded);
    }
  });
});
