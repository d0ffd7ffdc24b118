import { root, spawnServer } from './spawn-server.ts';
import type { Target } from './target.ts';

/** The built Node server, `node dist/node/index.mjs`, as a container would run it. */
export const nodeTarget: Target = {
  name: 'node (dist/node/index.mjs)',
  platform: 'node',
  base: '/health',
  drain: { kind: 'sigterm', env: { HEALTH_DRAIN_DELAY_MS: '1000' } },
  start: (env) => spawnServer(process.execPath, [`${root}dist/node/index.mjs`], env),
};
