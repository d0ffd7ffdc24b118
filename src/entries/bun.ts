/**
 * The Bun server: `bun src/entries/bun.ts`. Drains on SIGTERM like the Node server.
 * @module
 */
import { serverAppFromEnv } from '../config/index.ts';
import { drainOnSignal } from '../core/index.ts';

declare const Bun: {
  env: Record<string, string | undefined>;
  serve(options: {
    port: number;
    hostname: string;
    development?: boolean;
    idleTimeout?: number;
    fetch: (request: Request) => Promise<Response>;
  }): { url: URL; stop(closeActiveConnections?: boolean): Promise<void> };
};

/** Bun's own limit for `idleTimeout`, in seconds. */
const BUN_MAX_IDLE_TIMEOUT_S = 255;

const { settings, app } = serverAppFromEnv(Bun.env, 'bun', (code) => process.exit(code));
const { lifecycle } = app.health;

// Why: Bun documents `idleTimeout` (10 s by default) as closing connections that
// show no activity, and a request waiting on its checks sends nothing. Bun 1.4.5
// does not cut a pending request (tried: an 11 s handler answers), but nothing
// promises that, so idle time outlasts the longest check.
const longestCheckMs = Math.max(0, ...app.health.checks.map((check) => check.timeoutMs));
const idleTimeout = Math.min(BUN_MAX_IDLE_TIMEOUT_S, Math.max(10, Math.ceil(longestCheckMs / 1000) + 5));

// Why development false: in development mode Bun answers a throw with its HTML error page.
const server = Bun.serve({ port: settings.port, hostname: settings.host, development: false, idleTimeout, fetch: app.fetch });
console.log(`edge-health: listening on ${server.url.origin}`);

drainOnSignal({
  lifecycle,
  drainDelayMs: settings.drainDelayMs,
  shutdownTimeoutMs: settings.shutdownTimeoutMs,
  onSignal: (signal, handler) => void process.on(signal, handler),
  closeListener: () => void server.stop(false),
  closeAll: () => void server.stop(true),
  exit: (code) => process.exit(code),
});
