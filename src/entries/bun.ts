/**
 * The Bun server: `bun src/entries/bun.ts`. Drains on SIGTERM like the Node server.
 * @module
 */
import { createAppFromEnv, EnvReader } from '../config/index.ts';

declare const Bun: {
  env: Record<string, string | undefined>;
  serve(options: { port: number; hostname: string; fetch: (request: Request) => Promise<Response> }): {
    url: URL;
    stop(closeActiveConnections?: boolean): Promise<void>;
    pendingRequests: number;
  };
};

const env = Bun.env;
const reader = new EnvReader(env);
const port = reader.port('PORT', 8787);
const drainDelayMs = reader.milliseconds('HEALTH_DRAIN_DELAY_MS', 5000, 300_000);
if (reader.problems.length > 0) {
  console.error(`edge-health: invalid configuration:\n  ${reader.problems.join('\n  ')}`);
  process.exit(1);
}

const app = createAppFromEnv(env, { platform: 'bun', initWaitMs: 250 });
const { lifecycle } = app.health;
void lifecycle.ensureStarted();

const server = Bun.serve({ port, hostname: env.HOST ?? '127.0.0.1', fetch: app.fetch });
console.log(`edge-health: listening on ${server.url.origin}`);

async function stop(signal: string): Promise<void> {
  // Why false: let in-flight requests finish; stop() resolves when they have.
  await server.stop(false);
  lifecycle.stop(`received ${signal}`);
  console.log('edge-health: stopped');
  process.exit(0);
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    lifecycle.shutdown(`received ${signal}`);
    setTimeout(() => void stop(signal), drainDelayMs);
  });
}
