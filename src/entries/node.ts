/**
 * The deployable Node server (containers, VMs, Kubernetes): configuration from
 * `process.env`, drain on SIGTERM. Run: `node dist/node/index.mjs`.
 * @module
 */
import { serve } from '../adapters/node/index.ts';
import { createAppFromEnv, invalidConfigurationMessage, serverSettingsFromEnv } from '../config/index.ts';

const { settings, problems } = serverSettingsFromEnv(process.env);
if (problems.length > 0) {
  console.error(invalidConfigurationMessage(problems));
  process.exit(1);
}

const app = createAppFromEnv(process.env, { platform: 'node', initWaitMs: 250 });
void app.health.lifecycle.ensureStarted();
const served = await serve(app.fetch, { lifecycle: app.health.lifecycle, ...settings });
console.log(`edge-health: listening on ${served.url}`);
