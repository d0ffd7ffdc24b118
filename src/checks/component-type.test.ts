import { describe, expect, it } from 'vitest';
import type { Check } from '../core/index.ts';
import { d1Check } from './cloudflare/d1-check.ts';
import { durableObjectCheck } from './cloudflare/durable-object-check.ts';
import { kvCheck } from './cloudflare/kv-check.ts';
import { r2Check } from './cloudflare/r2-check.ts';
import { serviceCheck } from './cloudflare/service-check.ts';
import { httpCheck } from './http/http-check.ts';
import { neonCheck } from './neon/neon-check.ts';
import { tcpCheck } from './tcp/index.ts';
import { upstashCheck } from './upstash/upstash-check.ts';

// Binding shapes only: the factories are built, never run, here.
const fetcher = { fetch: async (): Promise<Response> => new Response('ok') };
const bindings = {
  database: { prepare: () => ({ first: async () => null }), batch: async () => [], exec: async () => ({}) },
  namespace: { get: async () => null, put: async () => {}, delete: async () => {}, getWithMetadata: async () => ({}) },
  bucket: { head: async () => null, get: async () => null, put: async () => null, createMultipartUpload: async () => ({}) },
  objects: { idFromName: () => 'id', get: () => fetcher },
};

const FACTORIES: readonly [string, string, (componentType?: string) => Check][] = [
  ['neonCheck (Postgres)', 'datastore', (t) => neonCheck({ connectionString: 'postgres://u:p@db.test/app', ...(t ? { componentType: t } : {}) })],
  ['upstashCheck (Redis)', 'datastore', (t) => upstashCheck({ url: 'https://redis.test', token: 'upstash-token', ...(t ? { componentType: t } : {}) })],
  ['d1Check', 'datastore', (t) => d1Check({ database: bindings.database, ...(t ? { componentType: t } : {}) })],
  ['kvCheck', 'datastore', (t) => kvCheck({ namespace: bindings.namespace, ...(t ? { componentType: t } : {}) })],
  ['r2Check', 'datastore', (t) => r2Check({ bucket: bindings.bucket, ...(t ? { componentType: t } : {}) })],
  ['httpCheck (an API)', 'system', (t) => httpCheck({ name: 'api', url: 'https://api.test/', ...(t ? { componentType: t } : {}) })],
  ['tcpCheck', 'system', (t) => tcpCheck({ host: '127.0.0.1', port: 6379, ...(t ? { componentType: t } : {}) })],
  ['serviceCheck (another Worker)', 'component', (t) => serviceCheck({ service: fetcher, ...(t ? { componentType: t } : {}) })],
  ['durableObjectCheck', 'component', (t) => durableObjectCheck({ namespace: bindings.objects, ...(t ? { componentType: t } : {}) })],
];

describe('built-in checks declare their componentType (application/health+json)', () => {
  it.each(FACTORIES)('%s is a %s by default', (_label, expected, build) => {
    expect(build().componentType).toBe(expected);
  });

  it.each(FACTORIES)('%s (by default a %s) takes the caller\'s own componentType', (_label, _default, build) => {
    expect(build('https://schema.org/Service').componentType).toBe('https://schema.org/Service');
  });
});
