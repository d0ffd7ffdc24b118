import { DENO_RUN } from './deno-target.ts';
import { bin, spawnServer } from './spawn-server.ts';
import type { Target } from './target.ts';

/** The Netlify Edge Function `netlify/edge-functions/health.ts`, served by real Deno on `/edge/health/*`. */
export const netlifyEdgeTarget: Target = {
  name: 'netlify edge function (netlify/edge-functions/health.ts under Deno)',
  platform: 'netlify-edge',
  base: '/edge/health',
  location: 'conformance-edge',
  drain: { kind: 'variable' },
  start: (env) => spawnServer(bin('deno'), [...DENO_RUN, 'test/conformance/targets/netlify-edge-server.ts'], env),
};
