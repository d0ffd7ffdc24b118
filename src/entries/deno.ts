/**
 * The Deno server: `deno run --allow-net --allow-env src/entries/deno.ts`.
 * Drains on SIGTERM like the Node server.
 * @module
 */
import { serverAppFromEnv } from '../config/index.ts';
import { drainOnSignal } from '../core/index.ts';

declare const Deno: {
  env: { toObject(): Record<string, string> };
  addSignalListener(signal: 'SIGTERM' | 'SIGINT', handler: () => void): void;
  exit(code: number): never;
  serve(
    options: { port: number; hostname: string; onListen?: (addr: { hostname: string; port: number }) => void },
    handler: (request: Request) => Promise<Response>,
  ): { shutdown(): Promise<void>; finished: Promise<void> };
};

const { settings, app } = serverAppFromEnv(Deno.env.toObject(), 'deno', (code) => Deno.exit(code));
const { lifecycle } = app.health;

const server = Deno.serve(
  {
    port: settings.port,
    hostname: settings.host,
    onListen: ({ hostname, port }) => console.log(`edge-health: listening on http://${hostname}:${port}`),
  },
  app.fetch,
);

drainOnSignal({
  lifecycle,
  drainDelayMs: settings.drainDelayMs,
  shutdownTimeoutMs: settings.shutdownTimeoutMs,
  onSignal: (signal, handler) => Deno.addSignalListener(signal, handler),
  // Why not awaited: shutdown() waits for every connection, keep-alive ones included;
  // the drain's own shutdown timeout bounds the wait instead.
  closeListener: () => void server.shutdown(),
  exit: (code) => Deno.exit(code),
});
