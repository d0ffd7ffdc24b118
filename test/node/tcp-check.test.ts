import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type EphemeralRedis } from '../../local/redis/index.ts';
import { freePort } from '../../local/server/index.ts';
import { tcpCheck } from '../../src/checks/tcp/index.ts';
import { runCheck, type CheckReport } from '../../src/core/index.ts';
import { startBlackhole, type Blackhole } from '../bindings/blackhole.ts';

const root = new URL('../..', import.meta.url).pathname;
let redis: EphemeralRedis;
let blackhole: Blackhole;
let refusedPort: number;

beforeAll(async () => {
  [redis, blackhole, refusedPort] = await Promise.all([startRedis(), startBlackhole(), freePort()]);
});
afterAll(async () => {
  await Promise.all([redis?.stop(), blackhole?.close()]);
});

/** Waits (up to 5 s) until the blackhole counts no open connection. */
async function drained(): Promise<{ accepted: number; open: number }> {
  const until = Date.now() + 5000;
  while (blackhole.stats().open > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
  return blackhole.stats();
}

const redisPing = { name: 'redis', host: '127.0.0.1', send: 'PING\r\n', expect: '+PONG' };

describe('the TCP check in Node (node:net)', () => {
  it('is healthy when a real Redis answers PING with +PONG', async () => {
    expect(await runCheck(tcpCheck({ ...redisPing, port: redis.port }))).toMatchObject({ name: 'redis', status: 'healthy' });
  });

  it('is healthy on a bare connect, and fails when the banner differs', async () => {
    expect((await runCheck(tcpCheck({ host: '127.0.0.1', port: redis.port }))).status).toBe('healthy');
    const report = await runCheck(tcpCheck({ host: '127.0.0.1', port: redis.port, send: 'PING\r\n', expect: '-ERR' }));
    expect(report).toMatchObject({ status: 'unhealthy', reason: 'unexpected_response' });
  });

  it('is unhealthy at once, reason network, when nothing listens on the port', async () => {
    const report = await runCheck(tcpCheck({ ...redisPing, port: refusedPort, timeoutMs: 3000 }));
    expect(report).toMatchObject({ status: 'unhealthy', reason: 'network', message: expect.stringMatching(/ECONNREFUSED/) });
  });

  it('gives up at its deadline on a server that accepts and never answers, and closes the connection', async () => {
    const before = await drained();
    const report = await runCheck(tcpCheck({ ...redisPing, port: blackhole.port, timeoutMs: 300 }));
    expect(report).toMatchObject({ status: 'unhealthy', reason: 'timeout', message: 'timed out after 300 ms' });
    expect(await drained()).toEqual({ accepted: before.accepted + 1, open: 0 });
  });

  it('rejects a bad host, port or empty expectation when it is built', () => {
    expect(() => tcpCheck({ host: '', port: 6379 })).toThrow(/host must be a host name/);
    expect(() => tcpCheck({ host: 'redis', port: 70_000 })).toThrow(/port must be a whole number from 1 to 65535/);
    expect(() => tcpCheck({ host: 'redis', port: 6379, expect: '' })).toThrow(/expect must not be empty/);
  });
});

describe.each([
  ['deno', ['run', '--allow-net', '--allow-read', '--no-lock', '--node-modules-dir=manual'], 'deno'],
  ['bun', ['run', '--no-install'], 'index'],
])('the TCP check in %s', (runtime, args, entry) => {
  const probe = async (port: number, timeoutMs: number): Promise<CheckReport> => {
    const { stdout } = await promisify(execFile)(`${root}node_modules/.bin/${runtime}`, [...args, 'test/node/fixtures/tcp-probe.ts', entry, String(port), String(timeoutMs)], { cwd: root });
    return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as CheckReport;
  };

  it('is healthy against a real Redis, and times out on a silent server', async () => {
    expect((await probe(redis.port, 5000)).status).toBe('healthy');
    expect(await probe(blackhole.port, 300)).toMatchObject({ status: 'unhealthy', reason: 'timeout' });
  });
});
