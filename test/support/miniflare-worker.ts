import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { convertV4MiniflareOptions, Miniflare } from 'miniflare';

const root = new URL('../..', import.meta.url).pathname;
const compatibilityDate = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(readFileSync(`${root}wrangler.toml`, 'utf8'))?.[1] ?? '2026-10-20';

export interface RunningWorker {
  /** Sends a request to the Worker; `init.signal` aborting is the client going away. */
  fetch(path: string, init?: { signal?: AbortSignal; headers?: Record<string, string> }): Promise<Response>;
  stop(): Promise<void>;
}

/**
 * `src/worker.ts`, bundled as wrangler would, in real workerd through Miniflare
 * (no wrangler dev): the variables as plain-text bindings.
 */
export async function startWorker(bindings: Record<string, string>): Promise<RunningWorker> {
  const dir = mkdtempSync(join(tmpdir(), 'edge-health-worker-'));
  const scriptPath = join(dir, 'worker.js');
  await build({
    entryPoints: [join(root, 'src/worker.ts')],
    outfile: scriptPath,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['workerd', 'worker', 'browser'],
    // Why: the Hyperdrive check's driver (loaded lazily) needs Node built-ins, which workerd gives with nodejs_compat.
    external: ['node:*', 'cloudflare:*', 'events', 'fs', 'util', 'net', 'tls', 'stream', 'crypto', 'dns', 'path', 'os', 'string_decoder'],
    logLevel: 'silent',
  });
  const mf = new Miniflare(convertV4MiniflareOptions({ modules: true, modulesRoot: dir, scriptPath, compatibilityDate, compatibilityFlags: ['nodejs_compat'], bindings, cf: { colo: 'TST' } }));
  await mf.ready;
  return {
    async fetch(path, init = {}) {
      const response = await mf.dispatchFetch(`http://health.test${path}`, init);
      // Miniflare's Response comes from its own undici: rebuild it as this realm's.
      return new Response(await response.arrayBuffer(), { status: response.status, headers: [...response.headers] });
    },
    async stop() {
      await mf.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
