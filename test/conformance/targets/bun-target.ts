import { bin, spawnServer } from './spawn-server.ts';
import type { Target } from './target.ts';

/** `bun src/entries/bun.ts`; `--no-install` so that Bun never fetches a package itself. */
export const bunTarget: Target = {
  name: 'bun (src/entries/bun.ts)',
  platform: 'bun',
  base: '/health',
  drain: { kind: 'sigterm', env: { HEALTH_DRAIN_DELAY_MS: '1000' } },
  start: (env) => spawnServer(bin('bun'), ['--no-install', 'src/entries/bun.ts'], env),
};
