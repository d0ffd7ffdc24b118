import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { convertV4MiniflareOptions, Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedExports, exportsProbe } from '../support/public-subpaths.ts';

const root = new URL('../..', import.meta.url).pathname;
const own = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string>; peerDependencies: Record<string, string> };
const bin = (name: string): string => join(root, 'node_modules/.bin', name);
let work = '';
let app = '';

const run = (command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): string =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, NO_COLOR: '1', ...env } });

/** A clean checkout: the files git knows (committed or not ignored), no dist/, the repository's node_modules for the build tools. */
function cleanCheckout(into: string): void {
  const files = run('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], root).split('\0').filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(into, file)), { recursive: true });
    try {
      copyFileSync(join(root, file), join(into, file));
    } catch (error) {
      // A file deleted in the work tree but not yet in the index is not part of the checkout.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  symlinkSync(join(root, 'node_modules'), join(into, 'node_modules'));
}

/** `npm pack` (which runs `prepare`) in a clean checkout, then a fresh project installs the tarball and the optional peers, from the npm cache where it can (the registry for what the cache lacks). */
function packAndInstall(): string {
  const checkout = join(work, 'checkout');
  cleanCheckout(checkout);
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], checkout)) as [{ filename: string }];
  const consumer = join(work, 'app');
  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  const peers = Object.keys(own.peerDependencies).map((name) => `${name}@${own.devDependencies[name]}`);
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(work, packed.filename), ...peers], consumer);
  return consumer;
}

/** A Worker that imports every Worker-safe subpath statically (so wrangler bundles them) and answers with what it found. */
function workerSource(expected: Record<string, string[]>): string {
  const subpaths = Object.keys(expected);
  return `${subpaths.map((subpath, i) => `import * as m${i} from '${subpath}';`).join('\n')}
const modules = { ${subpaths.map((subpath, i) => `'${subpath}': m${i}`).join(', ')} };
const expected = ${JSON.stringify(expected)};
let router;
export default {
  fetch(request) {
    // Built on the first request: a Worker may not draw random values at global scope.
    router ??= m1.createHealthRouter(m0.createHealth({ version: 'tarball' }));
    if (new URL(request.url).pathname !== '/exports') return router.fetch(request);
    const found = Object.fromEntries(Object.entries(expected).map(([subpath, names]) => [subpath, names.filter((name) => typeof modules[subpath][name] === 'function')]));
    return Response.json(found);
  },
};
`;
}

describe('the packed tarball, installed in a fresh project', () => {
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'edge-health-tarball-'));
    app = packAndInstall();
    writeFileSync(join(app, 'probe.mjs'), exportsProbe(expectedExports('node')));
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('ships the built library and the TypeScript sources, not the tests', () => {
    const listing = run('npm', ['ls', '--parseable', '--all', 'edge-health'], app);
    expect(listing).toContain('node_modules/edge-health');
    const installed = join(app, 'node_modules/edge-health');
    expect(readFileSync(join(installed, 'dist/lib/core/index.js'), 'utf8')).toContain('createHealth');
    expect(readFileSync(join(installed, 'dist/lib/core/index.d.ts'), 'utf8')).toContain('createHealth');
    expect(readFileSync(join(installed, 'src/core/index.ts'), 'utf8')).toContain('createHealth');
    expect(() => readFileSync(join(installed, 'src/core/aggregate.test.ts'))).toThrow(/ENOENT/);
  });

  it('every subpath imports in Node', () => {
    expect(JSON.parse(run(process.execPath, ['probe.mjs'], app))).toEqual(expectedExports('node'));
  });

  it('every subpath imports in Deno, from the local node_modules', () => {
    const output = run(bin('deno'), ['run', '--node-modules-dir=manual', '-A', 'probe.mjs'], app, { DENO_NO_UPDATE_CHECK: '1' });
    expect(JSON.parse(output)).toEqual(expectedExports('node'));
  });

  it('every subpath imports in Bun', () => {
    expect(JSON.parse(run(bin('bun'), ['probe.mjs'], app))).toEqual(expectedExports('node'));
  });

  it('every Worker-safe subpath bundles with wrangler and answers in workerd', async () => {
    const expected = expectedExports('worker');
    writeFileSync(join(app, 'worker.js'), workerSource(expected));
    writeFileSync(join(app, 'wrangler.toml'), 'name = "consumer"\nmain = "worker.js"\ncompatibility_date = "2026-10-20"\n');
    run(bin('wrangler'), ['deploy', '--dry-run', '--outdir', 'out'], app, { WRANGLER_SEND_METRICS: 'false' });
    const mf = new Miniflare(convertV4MiniflareOptions({ modules: true, scriptPath: join(app, 'out/worker.js'), modulesRoot: app, compatibilityDate: '2026-10-20' }));
    try {
      expect(await (await mf.dispatchFetch('http://consumer.test/exports')).json()).toEqual(expected);
      const live = await mf.dispatchFetch('http://consumer.test/health/live');
      expect(live.status).toBe(200);
      expect(await live.json()).toMatchObject({ status: 'healthy', version: 'tarball' });
    } finally {
      await mf.dispose();
    }
  });
});
