/**
 * The deployable Cloudflare Worker: configuration from `env`, one app per
 * isolate, built on the first request (nothing runs at global scope).
 * `HEALTH_SHARE` shares check results through the Cache API or the
 * `HealthOwner` Durable Object (which then also damps flapping and posts
 * status changes); a Cron Trigger refreshes them.
 * @module
 */
import { healthOwnerClass, shareFromEnv, withConnectionQueueNote, type CacheLike } from './adapters/cloudflare/index.ts';
import { createAppFromEnv, EnvReader, type App } from './config/index.ts';
import type { HyperdriveCheckLoader } from './config/bindings-from-env.ts';
import type { FlagStore, RequestContext } from './core/index.ts';
import { cloudflareColo, createHealthWorker } from './router/index.ts';

type Env = Record<string, unknown>;

const apps = new WeakMap<Env, App>();
const loadHyperdrive: HyperdriveCheckLoader = async () => (await import('./checks/cloudflare/hyperdrive/index.ts')).hyperdriveCheck;

function appFor(env: Env): App {
  let app = apps.get(env);
  if (!app) {
    const flags = env.HEALTH_FLAGS as FlagStore | undefined;
    const cache = (globalThis as { caches?: { default?: CacheLike } }).caches?.default;
    app = createAppFromEnv(env, {
      platform: 'cloudflare-workers',
      locate: cloudflareColo,
      share: (periods) => {
        const sharing = shareFromEnv(env, periods, cache);
        // Why not with an owner: the owner makes the runs, and notes its own.
        return sharing.remoteOwner ? sharing : { ...sharing, runChecks: withConnectionQueueNote(sharing.runChecks) };
      },
      ...(flags && typeof flags.get === 'function' ? { flags } : {}),
      loadHyperdrive,
    });
    apps.set(env, app);
  }
  return app;
}

const worker = createHealthWorker(appFor);

export default {
  fetch: worker.fetch,
  /** A Cron Trigger: asks for readiness as a probe would, so a stale shared result is refreshed before a probe needs it. */
  scheduled(_controller: unknown, env: Env, ctx: RequestContext): void {
    ctx.waitUntil(appFor(env).health.ready(new Request('https://edge-health.scheduled.invalid/'), ctx));
  },
};

/** Owns the check run for the whole deployment when `HEALTH_SHARE = "durable-object"`. */
export const HealthOwner = healthOwnerClass((env: Env) => {
  const app = createAppFromEnv(env, { platform: 'cloudflare-durable-object', loadHyperdrive });
  const refreshMs = new EnvReader(env).milliseconds('HEALTH_SHARE_REFRESH_MS', 0, { min: 0, max: 3_600_000 });
  return { checks: app.health.checks, ...app.periods, refreshMs, ...app.keeping, runChecks: withConnectionQueueNote() };
});
