/**
 * The Bun server: `bun src/entries/bun.ts`. Drains on SIGTERM like the Node server.
 * @module
 */
import { createAppFromEnv, invalidConfigurationMessage, serverSettingsFromEnv } from '../config/index.ts';

declare const Bun: {
  env: Record<string, string | undefined>;
  serve(options: { port: number; hostname: string; development?: boolean; fetch: (request: Request) => Promise<Response> }): {
    url: URL;
    stop(closeActiveConnections?: boolean): Promise<void>;
    pendingRequests: number;
  };
};

const env = Bun.env;
const { settings, problems } = serverSettingsFromEnv(env);
const { port, host, drainDelayMs } = settings;
if (problems.length > 0) {
  console.error(invalidConfigurationMessage(problems));
  process.exit(1);
}

const app = createAppFromEnv(env, { platform: 'bun', initWaitMs: 250 });
const { lifecycle } = app.health;
void lifecycle.ensureStarted();

// Why development false: in development mode Bun answers a throw with its HTML error page.
const server = Bun.serve({ port, hostname: host, development: false, fetch: app.fetch });
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
