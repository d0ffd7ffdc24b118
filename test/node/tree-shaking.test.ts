import { convertV4MiniflareOptions, Miniflare } from 'miniflare';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { buildFixtureWorker } from '../support/fixture-worker.ts';
import { workerCompatibility } from '../support/miniflare-worker.ts';

let bundle = '';
let script = '';

/** What node-postgres (the Hyperdrive check's driver) leaves in a bundle. */
const POSTGRES_DRIVER = /pg-protocol|pg-cloudflare|CloudflareSocket|pgpass/;

describe('a Worker that uses only the HTTP check, built from the public subpaths', () => {
  beforeAll(() => {
    // The package as users get it: the built library behind the exports map.
    ({ script, text: bundle } = buildFixtureWorker('http-only-worker'));
  }, 120_000);

  it('bundles neither database driver', () => {
    expect(bundle).toContain('HTTP ');
    expect(bundle).not.toMatch(/neondatabase|NeonDbError|Neon-Connection-String/);
    expect(bundle).not.toMatch(/upstash|Upstash-Encoding/i);
    expect(bundle).not.toMatch(POSTGRES_DRIVER);
    expect(bundle).not.toMatch(/cloudflare:sockets|node:net/);
    // Unminified, as wrangler builds it: the HTTP-only path is about 60 KiB, and any database driver adds far more than this headroom.
    expect(bundle.length).toBeLessThan(64 * 1024);
  });

  it('runs in workerd and answers readiness', async () => {
    const fixtures = inject('fixtures');
    const mf = new Miniflare(
      convertV4MiniflareOptions({ modules: true, scriptPath: script, compatibilityDate: workerCompatibility.compatibilityDate, bindings: { API_URL: `${fixtures.http}/ok` } }),
    );
    try {
      const response = await mf.dispatchFetch('http://health.test/health/ready');
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'healthy', version: 'http-only', dependencies: [{ name: 'api', status: 'healthy' }] });
    } finally {
      await mf.dispose();
    }
  });
});

describe('Workers that use the binding and TCP checks, built from the public subpaths', () => {
  let bindings = '';
  let bindingScript = '';
  let hyperdrive = '';
  beforeAll(() => {
    ({ script: bindingScript, text: bindings } = buildFixtureWorker('binding-worker'));
    hyperdrive = buildFixtureWorker('hyperdrive-worker').text;
  }, 240_000);

  it('leaves the Postgres driver out of a Worker that checks D1, KV and TCP, and takes the workerd socket connector', () => {
    expect(bindings).toContain('edgeHealthNoSuchMethod');
    expect(bindings).toMatch(/from "cloudflare:sockets"/);
    expect(bindings).not.toMatch(POSTGRES_DRIVER);
    expect(bindings).not.toMatch(/node:net|node:stream|neondatabase|upstash/i);
  });

  it('brings the driver only into a Worker that imports the Hyperdrive subpath', () => {
    expect(hyperdrive).toMatch(POSTGRES_DRIVER);
  });

  it('runs in workerd against Miniflare’s D1 and KV and a real TCP listener', async () => {
    const fixtures = inject('fixtures');
    const mf = new Miniflare(
      convertV4MiniflareOptions({
        modules: true,
        scriptPath: bindingScript,
        compatibilityDate: workerCompatibility.compatibilityDate,
        d1Databases: ['DB'],
        kvNamespaces: ['CACHE'],
        bindings: { TCP_PORT: new URL(fixtures.http).port },
      }),
    );
    try {
      const response = await mf.dispatchFetch('http://health.test/health/ready');
      expect(await response.json()).toMatchObject({
        status: 'healthy',
        dependencies: [
          { name: 'd1', status: 'healthy' },
          { name: 'kv', status: 'healthy' },
          { name: 'api-port', status: 'healthy' },
        ],
      });
    } finally {
      await mf.dispose();
    }
  });
});
