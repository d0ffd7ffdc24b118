import { readFileSync } from 'node:fs';
import { convertV4MiniflareOptions, Miniflare } from 'miniflare';
import { root } from './spawn-server.ts';
import type { Env, Target } from './target.ts';

/** The deployed compatibility date, from the deployed configuration. */
const deployed = readFileSync(`${root}wrangler.toml`, 'utf8');
const compatibilityDate = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(deployed)?.[1];
const compatibilityFlags = [.../^compatibility_flags\s*=\s*\[([^\]]*)\]/m.exec(deployed)?.[1]?.matchAll(/"([^"]+)"/g) ?? []].map((m) => m[1]!);

/** Stands in for the `cf` object Cloudflare's edge attaches to each request. */
const COLO = 'CNF';

export interface BuiltWorkerOptions {
  /** Serve on a real loopback socket too (0 for a free port), for raw requests and load. */
  port?: number;
  /** Receives every line the Worker logs (console.*), instead of this process's stdout. */
  onLog?: (line: string) => void;
}

/**
 * The built Worker, `dist/worker/worker.js` as `wrangler deploy` uploads it, in
 * workerd: the variables as plain-text bindings, and a KV namespace `HEALTH_FLAGS`.
 */
export async function startBuiltWorker(env: Env, options: BuiltWorkerOptions = {}): Promise<Miniflare> {
  if (!compatibilityDate) throw new Error('wrangler.toml has no compatibility_date');
  const { onLog } = options;
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      modules: true,
      scriptPath: `${root}dist/worker/worker.js`,
      compatibilityDate,
      compatibilityFlags,
      bindings: { ...env },
      kvNamespaces: ['HEALTH_FLAGS'],
      cf: { colo: COLO },
      ...(options.port === undefined ? {} : { host: '127.0.0.1', port: options.port }),
      ...(onLog ? { handleStructuredLogs: (log: { level: string; message: string }) => onLog(`${log.level}: ${log.message}`) } : {}),
    }),
  );
  await mf.ready;
  return mf;
}

/** {@link startBuiltWorker} as a conformance target. */
export const workerTarget: Target = {
  name: 'worker (dist/worker/worker.js in workerd)',
  platform: 'cloudflare-workers',
  base: '/health',
  location: COLO,
  drain: { kind: 'drain-switch', env: { HEALTH_DRAIN_CACHE_MS: '1' } },
  async start(env) {
    const mf = await startBuiltWorker(env);
    const flags = await mf.getKVNamespace('HEALTH_FLAGS');
    return {
      async fetch(request) {
        const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
        const response = await mf.dispatchFetch(request.url, {
          method: request.method,
          headers: [...request.headers],
          ...(hasBody ? { body: await request.arrayBuffer() } : {}),
        });
        // Miniflare's Response comes from its own undici: rebuild it as this realm's.
        const body = await response.arrayBuffer();
        return new Response(request.method === 'HEAD' || body.byteLength === 0 ? null : body, { status: response.status, headers: [...response.headers] });
      },
      flags: {
        put: async (key, value) => void (await flags.put(key, value)),
        delete: (key) => flags.delete(key),
      },
      stop: () => mf.dispose(),
    };
  },
};
