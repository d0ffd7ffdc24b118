/**
 * Bundles the benchmark's servers with esbuild, so that neither the figures
 * nor a CPU profile carry tsx's on-the-fly compilation. Node servers keep
 * their packages external (each peer as its users install it); Workers are
 * bundled whole, as wrangler would.
 */
import { builtinModules } from 'node:module';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
export const BENCH_DIST = `${root}dist/bench/`;

export async function buildNodeServer(): Promise<string> {
  const outfile = `${BENCH_DIST}node-server.js`;
  await build({
    entryPoints: [`${root}bench/targets/node-server.ts`],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    outfile,
    logLevel: 'error',
  });
  return outfile;
}

// Why: the HTTP-only fixture imports edge-health by its public subpaths, as a user would.
const SELF = { 'edge-health': `${root}src/index.ts`, 'edge-health/router': `${root}src/router/index.ts`, 'edge-health/checks/http': `${root}src/checks/http/index.ts` };

/** A Worker module bundled for workerd; `minify` for size figures, `external` to leave packages out. */
export async function buildWorker(entry: string, name: string, minify = false, external: string[] = []): Promise<string> {
  const outfile = `${BENCH_DIST}workers/${name}.js`;
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    conditions: ['workerd', 'worker', 'browser'],
    format: 'esm',
    target: 'es2022',
    minify,
    // Why: the deployable Worker runs with nodejs_compat (wrangler.toml), where workerd provides Node's built-ins.
    external: [...external, ...builtinModules, ...builtinModules.map((name) => `node:${name}`)],
    alias: SELF,
    outfile,
    logLevel: 'error',
  });
  return outfile;
}
