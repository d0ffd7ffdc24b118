import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, type ExpectStatic } from 'vitest';
import { findRedisServer, pingRedis, RedisStartError, startRedis, type EphemeralRedis } from './index.ts';

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitUntil(condition: () => boolean, timeoutMs = 5000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return true;
}

describe('findRedisServer', () => {
  it('finds redis-server on PATH or in the usual directories', () => {
    expect(findRedisServer()).toMatch(/\/redis-server$/);
  });

  it('falls back to the well-known directories when PATH is empty', () => {
    expect(findRedisServer({ PATH: '' })).toMatch(/^\/usr\/(local\/)?s?bin\/redis-server$/);
  });
});

describe('startRedis', () => {
  let redis: EphemeralRedis;
  let client: Redis;

  beforeAll(async () => {
    redis = await startRedis();
    client = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 0 });
    await client.connect();
  });

  afterAll(async () => {
    client.disconnect();
    await redis.stop();
  });

  it('serves Redis on 127.0.0.1 at the URL it reports', async () => {
    expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
    expect(await client.ping()).toBe('PONG');
    expect(await client.config('GET', 'bind')).toEqual(['bind', '127.0.0.1']);
  });

  it('persists nothing and works in its own temp dir', async () => {
    expect(await client.config('GET', 'save')).toEqual(['save', '']);
    expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'no']);
    expect(await client.config('GET', 'dir')).toEqual(['dir', redis.dir]);
    expect(existsSync(redis.dir)).toBe(true);
  });

  it('freezes without closing connections, and thaws', async () => {
    redis.freeze();
    const started = Date.now();
    expect(await pingRedis(redis.port, 300)).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    redis.thaw();
    expect(await pingRedis(redis.port, 1000)).toBe(true);
  });
});

describe('stop', () => {
  it('leaves no process and no temp dir behind, even when frozen, and can be called twice', async () => {
    const redis = await startRedis();
    redis.freeze();
    await redis.stop();
    await redis.stop();
    expect(isAlive(redis.pid)).toBe(false);
    expect(existsSync(redis.dir)).toBe(false);
    expect(await pingRedis(redis.port, 300)).toBe(false);
  });
});

describe('startup failures', () => {
  it('explains a redis-server that will not start, with its output', async () => {
    const failure = startRedis({ args: ['--no-such-directive', 'x'] });
    await expect(failure).rejects.toThrow(RedisStartError);
    await expect(failure).rejects.toThrow(/exited .* before answering PING[\s\S]*Last output of .*redis-server:[\s\S]*no-such-directive/);
  });

  it('names the fix when the executable is missing', async () => {
    await expect(startRedis({ redisServer: '/nonexistent/redis-server' })).rejects.toThrow(/Could not run \/nonexistent\/redis-server/);
  });
});

// Concurrent: each case spends most of its time booting a tsx owner process.
describe.concurrent('cleanup when the owner goes away', () => {
  const owner = fileURLToPath(new URL('./fixtures/redis-owner.ts', import.meta.url));

  function startOwner(mode: string) {
    const child = spawn(process.execPath, ['--import', 'tsx', owner, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const started = new Promise<{ pid: number; dir: string }>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0] ?? '') as { pid: number; dir: string });
      });
      child.once('exit', () => reject(new Error(`owner exited before starting Redis: ${out}`)));
    });
    return { child, exited, started };
  }

  async function expectCleanedUp(expect: ExpectStatic, { pid, dir }: { pid: number; dir: string }): Promise<void> {
    expect(await waitUntil(() => !isAlive(pid))).toBe(true);
    expect(await waitUntil(() => !existsSync(dir))).toBe(true);
  }

  it('on process.exit()', async ({ expect }) => {
    const { exited, started } = startOwner('exit');
    const redis = await started;
    expect(await exited).toEqual({ code: 0, signal: null });
    await expectCleanedUp(expect, redis);
  });

  it.for(['SIGTERM', 'SIGINT'] as const)('on %s, and the owner still dies by that signal', async (signal, { expect }) => {
    const { child, exited, started } = startOwner('wait');
    const redis = await started;
    expect(isAlive(redis.pid)).toBe(true);
    child.kill(signal);
    expect(await exited).toEqual({ code: null, signal });
    await expectCleanedUp(expect, redis);
  });

  it("on a signal the owner handles itself, keeping the owner's own exit code", async ({ expect }) => {
    const { child, exited, started } = startOwner('handle-sigint');
    const redis = await started;
    child.kill('SIGINT');
    expect(await exited).toEqual({ code: 7, signal: null });
    await expectCleanedUp(expect, redis);
  });

  it('on SIGKILL, through the watchdog', async ({ expect }) => {
    const { child, exited, started } = startOwner('wait');
    const redis = await started;
    child.kill('SIGKILL');
    expect(await exited).toEqual({ code: null, signal: 'SIGKILL' });
    await expectCleanedUp(expect, redis);
  });
});
