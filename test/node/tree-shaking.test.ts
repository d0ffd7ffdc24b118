import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { convertV4MiniflareOptions, Miniflare } from 'miniflare';
import { beforeAll, describe, expect, inject, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const fixture = `${root}test/fixtures/http-only-worker`;
const outdir = `${root}dist/test-http-only-worker`;
let bundle = '';

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
