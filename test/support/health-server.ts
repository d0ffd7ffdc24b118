import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '../../src/adapters/node/index.ts';
import { createAppFromEnv, type App } from '../../src/config/index.ts';
import type { InitTask, Lifecycle } from '../../src/core/index.ts';

export type UpstreamMode = 'up' | 'down';

export interface HealthServer {
  /** `http://127.0.0.1:<port>`; the endpoints are under `/health`. */
  url: string;
  app: App;
  lifecycle: Lifecycle;
  /** What the upstream behind a check answers: `up` 200, `down` 503. */
  set(check: 'api' | 'cache', mode: UpstreamMode): void;
  close(): Promise<void>;
}

export interface HealthServerOptions {
  init?: readonly InitTask[];
  /** More environment variables (HEALTH_DETAILS_TOKEN, HEALTH_CACHE_MS…). */
  env?: Record<string, string>;
}

/**
 * The deployable app (`createAppFromEnv`, as the Node entry builds it) served
 * on node:http by the Node adapter, with two real HTTP checks against a real
 * upstream server whose answers a test flips: `api` (critical) and `cache`
 * (non-critical).
 */
export async function startHealthServer(options: HealthServerOptions = {}): Promise<HealthServer> {
  const modes: Record<string, UpstreamMode> = { api: 'up', cache: 'up' };
  const upstream = createServer((request, response) => {
    const mode = modes[(request.url ?? '/').slice(1)] ?? 'down';
    response.writeHead(mode === 'up' ? 200 : 503, { 'content-type': 'text/plain' }).end(mode);
  });
  const upstreamUrl = await listen(upstream);
  const checks = [
    { name: 'api', url: `${upstreamUrl}/api`, timeout_ms: 2000 },
    { name: 'cache', url: `${upstreamUrl}/cache`, category: 'non-critical', timeout_ms: 2000 },
  ];
  const env = { HEALTH_VERSION: '1.4.0', HEALTH_HTTP_CHECKS: JSON.stringify(checks), ...options.env };
  const app = createAppFromEnv(env, { platform: 'node', initWaitMs: 50, init: options.init ?? [], log: () => {} });
  const lifecycle = app.health.lifecycle;
  void lifecycle.ensureStarted();
  const served = await serve(app.fetch, { lifecycle, port: 0, signals: [], drainDelayMs: 0, onStopped: () => {}, log: () => {} });
  return {
    url: served.url,
    app,
    lifecycle,
    set: (check, mode) => void (modes[check] = mode),
    async close() {
      served.server.closeAllConnections();
      await new Promise((resolve) => served.server.close(resolve));
      upstream.closeAllConnections();
      await new Promise((resolve) => upstream.close(resolve));
    },
  };
}

/** An init task that holds the isolate in `starting` until released. */
export function heldInit(): { task: InitTask; release: () => void } {
  let release = (): void => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  return { task: { name: 'warm-up', timeoutMs: 60_000, run: () => released }, release };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
