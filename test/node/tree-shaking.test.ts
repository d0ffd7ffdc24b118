import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { convertV4MiniflareOptions, Miniflare } from 'miniflare';
import { beforeAll, describe, expect, inject, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const fixture = `${root}test/fixtures/http-only-worker`;
const outdir = `${root}dist/test-http-only-worker`;
let bundle = '';

/** What node-postgres (the Hyperdrive check's driver) leaves in a bundle. */
const POSTGRES_DRIVER = /pg-protocol|pg-cloudflare|CloudflareSocket|pgpass/;

/** `wrangler deploy --dry-run` of a fixture Worker, as users build theirs; returns the bundle's text. */
function buildFixture(name: string): string {
  const out = `${root}dist/test-${name}`;
  execFileSync('npx', ['wrangler', 'deploy', '--dry-run', '--config', `${root}test/fixtures/${name}/wrangler.toml`, '--outdir', out], {
    cwd: root,
    stdio: 'pipe',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  });
  return readFileSync(`${out}/worker.js`, 'utf8');
}

describe('a Worker that uses only the HTTP check, built from the public subpaths', () => {
  beforeAll(() => {
    // The package as users get it: the built library behind the exports map (test/build-lib-setup.ts).
    execFileSync('npx', ['wrangler', 'deploy', '--dry-run', '--config', `${fixture}/wrangler.toml`, '--outdir', outdir], {
      cwd: root,
      stdio: 'pipe',
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
    });
    bundle = readFileSync(`${outdir}/worker.js`, 'utf8');
  }, 120_000);

  it('bundles neither database driver', () => {
    expect(bundle).toContain('HTTP ');
    expect(bundle).not.toMatch(/neondatabase|NeonDbError|Neon-Connection-String/);
    expect(bundle).not.toMatch(/upstash|Upstash-Encoding/i);
    expect(bundle).not.toMatch(POSTGRES_DRIVER);
    expect(bundle).not.toMatch(/cloudflare:sockets|node:net/);
    expect(bundle.length).toBeLessThan(60 * 1024);
  });

  it('runs in workerd and answers readiness', async () => {
    const fixtures = inject('fixtures');
    const mf = new Miniflare(
      convertV4MiniflareOptions({ modules: true, scriptPath: `${outdir}/worker.js`, compatibilityDate: '2026-10-20', bindings: { API_URL: `${fixtures.http}/ok` } }),
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
  let hyperdrive = '';
  beforeAll(() => {
    bindings = buildFixture('binding-worker');
    hyperdrive = buildFixture('hyperdrive-worker');
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
        scriptPath: `${root}dist/test-binding-worker/worker.js`,
        compatibilityDate: '2026-10-20',
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
