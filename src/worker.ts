/**
 * The deployable Cloudflare Worker: configuration from `env`, one app per
 * isolate, built on the first request (nothing runs at global scope).
 * @module
 */
import { createAppFromEnv, type App } from './config/index.ts';
import type { FlagStore } from './core/index.ts';

interface CfProperties {
  colo?: string;
}

// Why a WeakMap: one app per env object is one per isolate in production, and a
// fresh "isolate" for every env a test hands in.
const apps = new WeakMap<object, App>();

function appFor(env: Record<string, unknown>): App {
  let app = apps.get(env);
  if (!app) {
    const flags = env.HEALTH_FLAGS as FlagStore | undefined;
    app = createAppFromEnv(env, {
      platform: 'cloudflare-workers',
      locate: (request) => (request as Request & { cf?: CfProperties }).cf?.colo,
      ...(flags && typeof flags.get === 'function' ? { flags } : {}),
      loadHyperdrive: async () => (await import('./checks/cloudflare/hyperdrive/index.ts')).hyperdriveCheck,
    });
    apps.set(env, app);
  }
  return app;
}

export default {
  fetch(request: Request, env: Record<string, unknown>): Promise<Response> {
    return appFor(env).fetch(request);
  },
};
