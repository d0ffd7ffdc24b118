import { Redis } from '@upstash/redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type EphemeralRedis } from '../redis/index.ts';
import { freePort } from '../server/index.ts';
import { RedisConnectError, startUpstashGateway, type UpstashGateway } from './index.ts';

// What a health check sees through the gateway when Redis hangs, dies and comes back.
const TOKEN = 'down-test-token-40d2e7';

async function timed<T>(promise: Promise<T>): Promise<{ ms: number; outcome: PromiseSettledResult<T> }> {
  const started = Date.now();
  const [outcome] = await Promise.allSettled([promise]);
  return { ms: Date.now() - started, outcome: outcome! };
}

describe('gateway when Redis is in trouble', () => {
  let server: EphemeralRedis;
  let gateway: UpstashGateway;
  let redis: Redis;
  const logLines: string[] = [];

  beforeAll(async () => {
    server = await startRedis();
    gateway = await startUpstashGateway({
      redisUrl: server.url,
      token: TOKEN,
      commandTimeoutMs: 300,
      log: (line) => logLines.push(line),
    });
    redis = new Redis({ url: gateway.url, token: TOKEN });
  });

  afterAll(async () => {
    await gateway?.close();
    await server?.stop();
  });

  it('refuses to start when Redis is unreachable, quickly and without leaking the password', async () => {
    const port = await freePort();
    const { ms, outcome } = await timed(startUpstashGateway({ redisUrl: `redis://:hunter2secret@127.0.0.1:${port}`, token: TOKEN }));
    expect(ms).toBeLessThan(2000);
    expect(outcome.status).toBe('rejected');
    const error = (outcome as PromiseRejectedResult).reason as Error;
    expect(error).toBeInstanceOf(RedisConnectError);
    expect(error.message).toMatch(/Could not connect to Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+ .*Is it running\?/);
    expect(error.message).not.toContain('hunter2secret');
  });

  it('answers 504 promptly when Redis accepts but never answers', async () => {
    expect(await redis.ping()).toBe('PONG');
    server.freeze();
    try {
      const { ms, outcome } = await timed(redis.ping());
      expect(ms).toBeLessThan(1500);
      expect(outcome).toMatchObject({ status: 'rejected', reason: { message: expect.stringMatching(/did not answer in time/) } });
    } finally {
      server.thaw();
    }
  });

  it('answers 502 {error} at once when Redis is gone', async () => {
    expect(await redis.ping()).toBe('PONG');
    await server.stop();
    const { ms, outcome } = await timed(redis.ping());
    expect(ms).toBeLessThan(500);
    expect(outcome).toMatchObject({ status: 'rejected', reason: { message: expect.stringMatching(/Redis is unreachable/) } });

    const response = await fetch(gateway.url, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: '["PING"]' });
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ error: expect.stringMatching(/^Redis is unreachable/) });
  });

  it('recovers when Redis is back on the same port', async () => {
    server = await startRedis({ port: server.port });
    const deadline = Date.now() + 5000;
    let answer: unknown;
    while (Date.now() < deadline) {
      answer = await redis.ping().catch((error: unknown) => error);
      if (answer === 'PONG') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(answer).toBe('PONG');
    expect(logLines.some((line) => line.startsWith('Lost Redis'))).toBe(true);
    expect(logLines.some((line) => line.endsWith('is back.'))).toBe(true);
    expect(logLines.join('\n')).not.toContain(TOKEN);
  });
});
