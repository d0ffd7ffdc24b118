import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '../../src/adapters/node/index.ts';
import { httpCheck } from '../../src/checks/http/index.ts';
import { createHealth, Lifecycle, type HealthOptions, type InitTask } from '../../src/core/index.ts';
import { createHealthRouter, type HealthRouterOptions } from '../../src/router/index.ts';

export type UpstreamMode = 'up' | 'down';

export interface HealthServer {
  /** `http://127.0.0.1:<port>`; the endpoints are under `/health`. */
  url: string;
  lifecycle: Lifecycle;
  /** What the upstream behind a check answers: `up` 200, `down` 503. */
  set(check: 'api' | 'cache', mode: UpstreamMode): void;
  close(): Promise<void>;
}

export interface HealthServerOptions {
  init?: readonly InitTask[];
  /** Extra options for createHealth (revealDetails, cacheMs, hooks…). */
  health?: Omit<HealthOptions, 'checks' | 'lifecycle'>;
  /** Extra options for the router (extra routes…). */
  router?: (health: ReturnType<typeof createHealth>) => HealthRouterOptions;
}

/**
 * A real edge-health server on node:http (the Node adapter's `serve`) with two
 * real HTTP checks against a real upstream server whose answers a test flips:
 * `api` (critical) and `cache` (non-critical).
 */
export async function startHealthServer(options: HealthServerOptions = {}): Promise<HealthServer> {
  const modes: Record<string, UpstreamMode> = { api: 'up', cache: 'up' };
  const upstream = createServer((request, response) => {
    const mode = modes[(request.url ?? '/').slice(1)] ?? 'down';
    response.writeHead(mode === 'up' ? 200 : 503, { 'content-type': 'text/plain' }).end(mode);
  });
  const upstreamUrl = await listen(upstream);
  const lifecycle = new Lifecycle({ platform: 'node', init: options.init ?? [] });
  const health = createHealth({
    initWaitMs: 50,
    version: '1.4.0',
    ...options.health,
    lifecycle,
    checks: [
      httpCheck({ name: 'api', url: `${upstreamUrl}/api`, timeoutMs: 2000 }),
      httpCheck({ name: 'cache', url: `${upstreamUrl}/cache`, category: 'non-critical', timeoutMs: 2000 }),
    ],
  });
  const router = createHealthRouter(health, options.router?.(health) ?? {});
  void lifecycle.ensureStarted();
  const served = await serve(router.fetch, { lifecycle, port: 0, signals: [], drainDelayMs: 0, onStopped: () => {}, log: () => {} });
  return {
    url: served.url,
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
