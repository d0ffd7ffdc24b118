/**
 * The deployable Node server (containers, VMs, Kubernetes): configuration from
 * `process.env`, drain on SIGTERM. Run: `node dist/node/index.js`.
 * @module
 */
import { serve } from '../adapters/node/index.ts';
import { createAppFromEnv, EnvReader } from '../config/index.ts';

const env = new EnvReader(process.env);
const port = env.port('PORT', 8787);
const host = env.string('HOST') ?? '127.0.0.1';
const drainDelayMs = env.milliseconds('HEALTH_DRAIN_DELAY_MS', 5000, 300_000);
const shutdownTimeoutMs = env.milliseconds('HEALTH_SHUTDOWN_TIMEOUT_MS', 10_000, 300_000);
if (env.problems.length > 0) {
  console.error(`edge-health: invalid configuration:\n  ${env.problems.join('\n  ')}`);
  process.exit(1);
}

const app = createAppFromEnv(process.env, { platform: 'node', initWaitMs: 250 });
void app.health.lifecycle.ensureStarted();
const served = await serve(app.fetch, { lifecycle: app.health.lifecycle, port, host, drainDelayMs, shutdownTimeoutMs });
console.log(`edge-health: listening on ${served.url}`);
