import { describe, expect, it } from 'vitest';
import { createAppFromEnv } from '../../src/config/index.ts';
import { callWorker, env } from './helpers.ts';

interface Body {
  status: string;
  dependencies: { name: string; status: string; category: string; details?: Record<string, unknown> }[];
}

const everyKind = JSON.stringify([
  { binding: 'DB', kind: 'd1' },
  { binding: 'CACHE', kind: 'kv', category: 'non-critical', write_probe: true },
  { binding: 'BUCKET', kind: 'r2' },
  { binding: 'PINGER', kind: 'durable_object', method: 'ping' },
  { binding: 'BACKEND', kind: 'service', path: '/health', name: 'backend' },
  { binding: 'HYPERDRIVE', kind: 'hyperdrive', name: 'postgres', timeout_ms: 3000 },
]);

const problemsOf = (vars: Record<string, string>): readonly string[] =>
  createAppFromEnv({ ...env, ...vars }, { platform: 'cloudflare-workers', log: () => {} }).problems;

describe('HEALTH_BINDINGS: the deployable Worker checks its bindings from wrangler.toml alone', () => {
  it('checks D1, KV, R2, a Durable Object, a service binding and Hyperdrive, all healthy', async () => {
    const response = await callWorker({ HEALTH_BINDINGS: everyKind });
    const body = (await response.json()) as Body;
    expect(response.status).toBe(200);
    expect(body.dependencies.map((d) => [d.name, d.status, d.category])).toEqual([
      ['db', 'healthy', 'critical'],
      ['cache', 'healthy', 'non-critical'],
      ['bucket', 'healthy', 'critical'],
      ['pinger', 'healthy', 'critical'],
      ['backend', 'healthy', 'critical'],
      ['postgres', 'healthy', 'critical'],
    ]);
    expect(body.dependencies[5]?.details).toMatchObject({ server_version: expect.stringMatching(/^\d+/) });
  });

  it('accepts the short form BINDING:kind[:category]', async () => {
    const response = await callWorker({ HEALTH_BINDINGS: 'DB:d1, BUCKET:r2:non-critical' });
    const body = (await response.json()) as Body;
    expect(body.dependencies.map((d) => [d.name, d.category])).toEqual([
      ['db', 'critical'],
      ['bucket', 'non-critical'],
    ]);
  });

  it('fails readiness with a message naming a missing binding', async () => {
    expect(problemsOf({ HEALTH_BINDINGS: 'AUTH:service' })).toEqual([
      'HEALTH_BINDINGS[0]: binding AUTH should be a service binding, but it is not set. Add it to wrangler.toml or remove it from HEALTH_BINDINGS.',
    ]);
    expect((await callWorker({ HEALTH_BINDINGS: 'AUTH:service' })).status).toBe(503);
  });

  it.each([
    ['CACHE:r2', 'binding CACHE should be an R2 bucket, but it is a KV namespace.'],
    ['BUCKET:kv', 'binding BUCKET should be a KV namespace, but it is an R2 bucket.'],
    ['BACKEND:d1', 'binding BACKEND should be a D1 database, but it is a service binding.'],
    ['PINGER:service', 'binding PINGER should be a service binding, but it is a Durable Object namespace.'],
    ['DB:hyperdrive', 'binding DB should be a Hyperdrive configuration, but it is a D1 database.'],
    ['HYPERDRIVE:durable_object', 'binding HYPERDRIVE should be a Durable Object namespace, but it is a Hyperdrive configuration.'],
  ])('names what a binding of another kind really is (%s)', (spec, message) => {
    expect(problemsOf({ HEALTH_BINDINGS: spec })).toEqual([`HEALTH_BINDINGS[0]: ${message}`]);
  });

  it('never echoes the value of a variable named as a binding', () => {
    const problems = problemsOf({ HEALTH_BINDINGS: 'API_TOKEN:kv', API_TOKEN: 'tok_live_0123456789abcdef' });
    expect(problems).toEqual(['HEALTH_BINDINGS[0]: binding API_TOKEN should be a KV namespace, but it is a string variable.']);
  });
});
