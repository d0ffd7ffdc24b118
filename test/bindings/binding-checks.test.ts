import { describe, expect, it } from 'vitest';
import { d1Check, durableObjectCheck, kvCheck, r2Check, serviceCheck } from '../../src/checks/cloudflare/index.ts';
import { hyperdriveCheck } from '../../src/checks/cloudflare/hyperdrive/index.ts';
import { blackholeDrained, env, run } from './helpers.ts';

describe('D1, KV and R2 checks against Miniflare’s local implementations', () => {
  it('D1 is healthy when SELECT 1 answers', async () => {
    expect(await run(d1Check({ database: env.DB as never }))).toMatchObject({ name: 'd1', status: 'healthy' });
  });

  it('D1 is unhealthy, with the database’s reason, when the query fails', async () => {
    const report = await run(d1Check({ database: env.DB as never, query: 'SELECT * FROM no_such_table' }));
    expect(report.status).toBe('unhealthy');
    expect(report.message).toMatch(/no such table/);
  });

  it('KV reads a probe key without writing anything', async () => {
    const report = await run(kvCheck({ namespace: env.CACHE as never, probeKey: 'read-only-probe' }));
    expect(report).toMatchObject({ name: 'kv', status: 'healthy' });
    expect((await env.CACHE.list()).keys).toEqual([]);
  });

  it('KV’s write probe writes its own key with a 60 s expiry, reads it back, and removes it', async () => {
    const puts: { key: string; options: unknown }[] = [];
    const real = env.CACHE as unknown as Record<string, (...args: unknown[]) => unknown>;
    // A pass-through that records the put: the writes still reach the real namespace.
    const recording = new Proxy(real, {
      get: (target, property: string) => {
        if (property === 'put') return (key: string, value: string, options: unknown) => (puts.push({ key, options }), target.put!(key, value, options));
        const value = target[property];
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const [first, second] = [await run(kvCheck({ namespace: recording as never, writeProbe: true })), await run(kvCheck({ namespace: recording as never, writeProbe: true }))];
    expect(first).toMatchObject({ status: 'healthy', details: { write_probe: 'ok' } });
    expect(second.status).toBe('healthy');
    expect(puts).toHaveLength(2);
    expect(puts[0]?.key).toMatch(/^edge-health:probe:/);
    expect(puts[0]?.key).not.toBe(puts[1]?.key);
    expect(puts[0]?.options).toEqual({ expirationTtl: 60 });
    expect((await env.CACHE.list({ prefix: 'edge-health:probe' })).keys).toEqual([]);
  });

  it('R2 is healthy on a miss (the bucket answered) and writes nothing', async () => {
    const report = await run(r2Check({ bucket: env.BUCKET as never }));
    expect(report).toMatchObject({ name: 'r2', status: 'healthy', details: { probe_key: 'absent' } });
    expect((await env.BUCKET.list()).objects).toEqual([]);
  });
});

describe('a Durable Object check, on a named instance', () => {
  const check = (options: Omit<Parameters<typeof durableObjectCheck>[0], 'namespace'>) => durableObjectCheck({ namespace: env.PINGER, ...options });

  it.each([
    ['/health', 'healthy', undefined],
    ['/status/503', 'unhealthy', 'HTTP 503'],
    ['/status/418', 'degraded', 'HTTP 418'],
  ])('applies the HTTP status rules to its fetch handler: %s is %s', async (path, status, message) => {
    const report = await run(check({ path }));
    expect(report.status).toBe(status);
    expect(report.message).toBe(message);
  });

  it('is healthy when the RPC method resolves and unhealthy when it throws', async () => {
    expect((await run(check({ method: 'ping' }))).status).toBe('healthy');
    const failed = await run(check({ method: 'fail' }));
    expect(failed.status).toBe('unhealthy');
    expect(failed.message).toMatch(/the object is broken/);
  });

  it.each([{ path: '/never' }, { method: 'hang' }])('gives up at its deadline when the object never answers (%o)', async (target) => {
    const report = await run(check({ ...target, timeoutMs: 300 }));
    expect(report).toMatchObject({ status: 'unhealthy', reason: 'timeout', message: 'timed out after 300 ms' });
  });
});

describe('a service binding check, against a second Worker', () => {
  it.each([
    ['/health', 'healthy', undefined],
    ['/status/500', 'unhealthy', 'HTTP 500'],
    ['/status/404', 'degraded', 'HTTP 404'],
  ])('applies the HTTP status rules: %s is %s', async (path, status, message) => {
    const report = await run(serviceCheck({ name: 'backend', service: env.BACKEND, path }));
    expect(report).toMatchObject({ name: 'backend', status });
    expect(report.message).toBe(message);
  });

  it('gives up at its deadline when the bound Worker never answers', async () => {
    const report = await run(serviceCheck({ service: env.BACKEND, path: '/never', timeoutMs: 300 }));
    expect(report).toMatchObject({ status: 'unhealthy', reason: 'timeout' });
  });
});

describe('a Hyperdrive check, through Miniflare’s Hyperdrive to a real PostgreSQL', () => {
  it('runs a real query and reports the server version', async () => {
    const report = await run(hyperdriveCheck({ hyperdrive: env.HYPERDRIVE }));
    expect(report).toMatchObject({ name: 'hyperdrive', status: 'healthy', details: { rows: 1, server_version: expect.stringMatching(/^\d+/) } });
  });

  it('is unhealthy when nothing listens behind it, without showing the connection string', async () => {
    const report = await run(hyperdriveCheck({ hyperdrive: env.HYPERDRIVE_REFUSED }));
    expect(report.status).toBe('unhealthy');
    expect(JSON.stringify(report)).not.toMatch(/health-secret-pw|edge:/);
  });

  it('closes the connection at its deadline when the server accepts and never answers', async () => {
    const before = await blackholeDrained();
    const report = await run(hyperdriveCheck({ hyperdrive: env.HYPERDRIVE_HUNG, timeoutMs: 500 }));
    expect(report).toMatchObject({ status: 'unhealthy', reason: 'timeout' });
    // Counted at the server: the connection was made, and is gone.
    expect(await blackholeDrained()).toEqual({ accepted: before.accepted + 1, open: 0 });
  });
});
