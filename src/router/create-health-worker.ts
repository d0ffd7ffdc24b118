import { createHealth, Lifecycle, type Handler, type HealthOptions, type RequestContext } from '../core/index.ts';
import { createHealthRouter, type HealthRouterOptions } from './create-health-router.ts';
import { onePerEnv } from './one-per-env.ts';

/** The options of a Worker's health app: the core's and the router's. */
export interface HealthWorkerOptions extends HealthOptions, HealthRouterOptions {}

/** Anything that answers requests with a `fetch(request, context)`: a router, an app from `createAppFromEnv`. */
export interface HealthApp {
  fetch: Handler;
}

/** A Worker's default export: `fetch(request, env, ctx)`. */
export interface HealthWorker<Env extends object> {
  fetch(request: Request, env: Env, ctx?: RequestContext): Promise<Response>;
}

/** Where Cloudflare served the request: its colo (e.g. `FRA`), from `request.cf`. */
export const cloudflareColo = (request: Request): string | undefined =>
  (request as Request & { cf?: { colo?: string } }).cf?.colo;

/**
 * A Cloudflare Worker whose health app is built from `env`, where secrets and
 * bindings live: once per env object, which is once per isolate in production
 * (and a fresh app for every env a test hands in). Nothing runs at global scope;
 * a `build` that throws answers 503 until a later request builds it.
 * `ctx` reaches the handlers, so shared check runs outlive the request that
 * started them (`ctx.waitUntil`).
 *
 * @example
 * ```ts
 * export default createHealthWorker((env: { DATABASE_URL: string }) => ({
 *   checks: [neonCheck({ connectionString: env.DATABASE_URL })],
 * }));
 * ```
 */
export function createHealthWorker<Env extends object>(build: (env: Env) => HealthWorkerOptions | HealthApp): HealthWorker<Env> {
  const appFor = onePerEnv(
    (env: Env): HealthApp => {
      const built = build(env);
      return 'fetch' in built ? built : appFromOptions(built);
    },
    { misconfigured: (answer): HealthApp => ({ fetch: answer }) },
  );
  return { fetch: (request, env, ctx) => appFor(env).fetch(request, ctx) };
}

function appFromOptions(options: HealthWorkerOptions): HealthApp {
  const { base, fallback, onError, ...health } = options;
  return createHealthRouter(
    createHealth({
      lifecycle: new Lifecycle({ platform: 'cloudflare-workers' }),
      locate: cloudflareColo,
      ...health,
    }),
    { ...(base === undefined ? {} : { base }), ...(fallback ? { fallback } : {}), ...(onError ? { onError } : {}) },
  );
}
