import { bin, spawnServer } from './spawn-server.ts';
import type { Target } from './target.ts';

/**
 * Deno's flags for this repository: `manual` resolves the npm imports from the
 * repository's node_modules (as `npm ci` left them) rather than fetching them,
 * and `--no-lock` keeps Deno from writing a deno.lock beside package.json.
 */
export const DENO_RUN = ['run', '--node-modules-dir=manual', '--no-lock', '--no-prompt', '--allow-net', '--allow-env', '--allow-read'] as const;

/** `deno run src/entries/deno.ts`. */
export const denoTarget: Target = {
  name: 'deno (src/entries/deno.ts)',
  platform: 'deno',
  base: '/health',
  drain: { kind: 'sigterm', env: { HEALTH_DRAIN_DELAY_MS: '1000' } },
  start: (env) => spawnServer(bin('deno'), [...DENO_RUN, 'src/entries/deno.ts'], env),
};
