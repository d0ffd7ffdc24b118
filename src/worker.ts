/**
 * The deployable Cloudflare Worker: configuration from `env`, one app per
 * isolate, built on the first request (nothing runs at global scope).
 * @module
 */
import { DrainSwitch, type FlagStore } from './adapters/cloudflare/index.ts';
import { createAppFromEnv, EnvReader, type App } from './config/index.ts';

interface CfProperties {
  colo?: string;
}

interface Isolate {
  app: App;
  drain: DrainSwitch;
}

// Why a WeakMap: one app per env object is one per isolate in production, and a
// fresh "isolate" for every env a test hands in.
const isolates = new WeakMap<object, Isolate>();

function isolateFor(env: Record<string, unknown>): Isolate {
  let isolate = isolates.get(env);
  if (!isolate) {
    const reader = new EnvReader(env);
    const store = env.HEALTH_FLAGS as FlagStore | undefined;
    const drain = new DrainSwitch({
      forced: reader.boolean('HEALTH_DRAIN', false),
      ...(store && typeof store.get === 'function' ? { store } : {}),
      cacheMs: reader.milliseconds('HEALTH_DRAIN_CACHE_MS', 10_000, 600_000),
    });
    const app = createAppFromEnv(env, {
      platform: 'cloudflare-workers',
      locate: (request) => (request as Request & { cf?: CfProperties }).cf?.colo,
      problems: reader.problems,
    });
    isolate = { app, drain };
    isolates.set(env, isolate);
  }
  return isolate;
}

export default {
  async fetch(request: Request, env: Record<string, unknown>): Promise<Response> {
    const { app, drain } = isolateFor(env);
    await drain.apply(app.health.lifecycle);
    return app.fetch(request);
  },
};
