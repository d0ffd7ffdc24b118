import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { convertV4MiniflareOptions, Miniflare } from 'miniflare';

const root = new URL('../..', import.meta.url).pathname;
const wranglerToml = readFileSync(`${root}wrangler.toml`, 'utf8');
const compatibilityDate = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(wranglerToml)?.[1] ?? '2026-10-20';
const compatibilityFlags = [.../^compatibility_flags\s*=\s*\[([^\]]*)\]/m.exec(wranglerToml)?.[1]?.matchAll(/"([^"]+)"/g) ?? []].map((m) => m[1] ?? '');
/** What `nodejs_compat` provides, left for workerd to resolve as wrangler does (the Hyperdrive driver needs them). */
const NODE_BUILTINS = ['events', 'fs', 'util', 'stream', 'net', 'tls', 'crypto', 'path', 'dns', 'string_decoder', 'buffer', 'os'];

/** `wrangler.toml`'s compatibility date and flags, for Workers the tests start themselves. */
export const workerCompatibility = { compatibilityDate, compatibilityFlags };

/**
 * Bundles `entry` (a path from the repository root) to `outfile` as wrangler would: the workerd
 * conditions, and the Node built-ins that `nodejs_compat` provides left for workerd to resolve.
 */
export async function bundleWorker(outfile: string, entry = 'src/worker.ts'): Promise<void> {
  await build({
    entryPoints: [join(root, entry)],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['workerd', 'worker', 'browser'],
    external: ['node:*', 'cloudflare:*', ...NODE_BUILTINS],
    logLevel: 'silent',
  });
}

export interface RunningWorker {
  /**
   * workerd's own socket for this Worker (`http://127.0.0.1:<port>`), with no Miniflare
   * proxy in front: a client that closes its connection here closes it at workerd.
   */
  url: string;
  /** Sends a request through Miniflare's entry Worker, which never passes a client's going away on. */
  fetch(path: string, init?: { signal?: AbortSignal; headers?: Record<string, string> }): Promise<Response>;
  stop(): Promise<void>;
}

/**
 * `src/worker.ts` (or another `entry` from the repository root), bundled as wrangler
 * would, in real workerd through Miniflare (no wrangler dev): the variables as plain-text bindings.
 */
export async function startWorker(bindings: Record<string, string>, entry?: string): Promise<RunningWorker> {
  const dir = mkdtempSync(join(tmpdir(), 'edge-health-worker-'));
  const scriptPath = join(dir, 'worker.js');
  await bundleWorker(scriptPath, entry);
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      modules: true,
      modulesRoot: dir,
      scriptPath,
      compatibilityDate,
      compatibilityFlags,
      bindings,
      cf: { colo: 'TST' },
      unsafeDirectSockets: [{ host: '127.0.0.1', port: 0 }],
    }),
  );
  await mf.ready;
  const url = (await mf.unsafeGetDirectURL()).origin;
  return {
    url,
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
