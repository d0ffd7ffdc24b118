/**
 * `npm run build`: the library (dist/lib) and the deployable Worker bundle
 * (dist/worker, via `wrangler deploy --dry-run`), with the Worker's gzip size.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { buildLibrary } from './build-lib.ts';
import { zip } from './zip.ts';

const root = new URL('..', import.meta.url).pathname;

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
  });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout}${result.stderr}`);
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
  }
  return `${result.stdout}${result.stderr}`;
}

export const kib = (bytes: number): string => `${(bytes / 1024).toFixed(2)} KiB`;

export function bundleSize(dir: string): { raw: number; gzip: number; files: string[] } {
  const files = readdirSync(dir).filter((f) => /\.(m?js|wasm)$/.test(f));
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(join(dir, file));
    raw += statSync(join(dir, file)).size;
    gzip += gzipSync(bytes, { level: 9 }).byteLength;
  }
  return { raw, gzip, files };
}


function buildWorker(): void {
  const outdir = join(root, 'dist/worker');
  rmSync(outdir, { recursive: true, force: true });
  const output = run('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', 'dist/worker']);
  const reported = /Total Upload:[^\n]*/.exec(output)?.[0];
  const { raw, gzip, files } = bundleSize(outdir);
  console.log(`worker      dist/worker/${files.join(', ')}: ${kib(raw)}, gzip ${kib(gzip)}${reported ? ` (wrangler: ${reported.trim()})` : ''}`);
}

/** One ESM bundle for a Node-based platform, every dependency inside. */
async function bundleForNode(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [join(root, entry)],
    outfile: join(root, outfile),
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
  });
}

async function buildLambda(): Promise<void> {
  const outdir = join(root, 'dist/lambda');
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  await bundleForNode('src/entries/lambda.ts', 'dist/lambda/index.mjs');
  const code = readFileSync(join(outdir, 'index.mjs'));
  const archive = zip([{ name: 'index.mjs', data: code }]);
  writeFileSync(join(outdir, 'function.zip'), archive);
  console.log(`lambda      dist/lambda/index.mjs (handler index.handler): ${kib(code.length)}; function.zip ${kib(archive.length)}; deploy with template.yaml (sam deploy)`);
}

async function buildNode(): Promise<void> {
  rmSync(join(root, 'dist/node'), { recursive: true, force: true });
  await bundleForNode('src/entries/node.ts', 'dist/node/index.mjs');
  console.log(`node        dist/node/index.mjs: ${kib(statSync(join(root, 'dist/node/index.mjs')).size)} (node dist/node/index.mjs)`);
}

buildLibrary();
console.log('library     dist/lib (ESM + .d.ts)');
buildWorker();
await buildLambda();
await buildNode();
