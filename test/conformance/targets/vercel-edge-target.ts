import { build } from 'esbuild';
import { EdgeRuntime, runServer } from 'edge-runtime';
import { fetchAt } from './spawn-server.ts';
import type { Target } from './target.ts';

let bundled: Promise<string> | undefined;

/** One script, as Vercel builds an Edge Function: the `edge-light` export conditions, no Node built-ins. */
function bundle(): Promise<string> {
  bundled ??= build({
    entryPoints: [new URL('./vercel-edge-harness.ts', import.meta.url).pathname],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    conditions: ['edge-light', 'worker', 'browser'],
    target: 'es2022',
    logLevel: 'warning',
  }).then(({ outputFiles }) => outputFiles[0]?.text ?? '');
  return bundled;
}

/**
 * `src/entries/vercel-edge.ts` in the `edge-runtime` package: Vercel's Edge runtime
 * (its web-API-only VM) run locally, with the configuration as the function's `process.env`.
 */
export const vercelEdgeTarget: Target = {
  name: 'vercel function, Edge runtime (src/entries/vercel-edge.ts in edge-runtime)',
  platform: 'vercel-edge',
  base: '/health',
  drain: { kind: 'variable' },
  async start(env) {
    const runtime = new EdgeRuntime({
      initialCode: await bundle(),
      extend: (context) => Object.assign(context, { process: { env: { ...env } } }),
    });
    const server = await runServer({ runtime, port: 0, host: '127.0.0.1' });
    return { fetch: (request) => fetchAt(server.url, request), stop: () => server.close() };
  },
};
