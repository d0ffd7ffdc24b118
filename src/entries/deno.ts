/**
 * The Deno server: `deno run --allow-net --allow-env src/entries/deno.ts`.
 * Drains on SIGTERM like the Node server.
 * @module
 */
import { createAppFromEnv, invalidConfigurationMessage, serverSettingsFromEnv } from '../config/index.ts';

declare const Deno: {
  env: { toObject(): Record<string, string> };
  addSignalListener(signal: 'SIGTERM' | 'SIGINT', handler: () => void): void;
  exit(code: number): never;
  serve(
    options: { port: number; hostname: string; onListen?: (addr: { hostname: string; port: number }) => void },
    handler: (request: Request) => Promise<Response>,
  ): { shutdown(): Promise<void>; finished: Promise<void> };
};

const env = Deno.env.toObject();
const { settings, problems } = serverSettingsFromEnv(env);
const { port, host, drainDelayMs } = settings;
if (problems.length > 0) {
  console.error(invalidConfigurationMessage(problems));
  Deno.exit(1);
}

const app = createAppFromEnv(env, { platform: 'deno', initWaitMs: 250 });
const { lifecycle } = app.health;
void lifecycle.ensureStarted();

const server = Deno.serve(
  {
    port,
    hostname: host,
    onListen: ({ hostname, port }) => console.log(`edge-health: listening on http://${hostname}:${port}`),
  },
  app.fetch,
);

async function stop(signal: string): Promise<void> {
  await server.shutdown();
  lifecycle.stop(`received ${signal}`);
  console.log('edge-health: stopped');
  Deno.exit(0);
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  Deno.addSignalListener(signal, () => {
    if (lifecycle.shuttingDown) return;
    lifecycle.shutdown(`received ${signal}`);
    setTimeout(() => void stop(signal), drainDelayMs);
  });
}
