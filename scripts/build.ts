/**
 * `npm run build`: the library (dist/lib) and the deployable Worker bundle
 * (dist/worker, via `wrangler deploy --dry-run`), with the Worker's gzip size.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

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

function buildLibrary(): void {
  rmSync(join(root, 'dist/lib'), { recursive: true, force: true });
  run('npx', ['tsc', '-p', 'tsconfig.build.json']);
  console.log('library     dist/lib (ESM + .d.ts)');
}

function buildWorker(): void {
  const outdir = join(root, 'dist/worker');
  rmSync(outdir, { recursive: true, force: true });
  const output = run('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', 'dist/worker']);
  const reported = /Total Upload:[^\n]*/.exec(output)?.[0];
  const { raw, gzip, files } = bundleSize(outdir);
  console.log(`worker      dist/worker/${files.join(', ')}: ${kib(raw)}, gzip ${kib(gzip)}${reported ? ` (wrangler: ${reported.trim()})` : ''}`);
}

buildLibrary();
buildWorker();
