/**
 * The deployable Node server (containers, VMs, Kubernetes): configuration from
 * `process.env`, drain on SIGTERM. Run: `node dist/node/index.mjs`.
 * @module
 */
import { serve } from '../adapters/node/index.ts';
import { serverAppFromEnv } from '../config/index.ts';

const { settings, app } = serverAppFromEnv(process.env, 'node', (code) => process.exit(code));
const served = await serve(app.fetch, { lifecycle: app.health.lifecycle, ...settings });
console.log(`edge-health: listening on ${served.url}`);
