import { Hono } from 'hono';
import { createHealth, errorResponse, redact, type HealthOptions } from '../../core/index.ts';
import { createMountedRouter, type MountedRouter, type MountedRouterOptions } from '../mounted-router.ts';

/** Options for every request, or built from the Worker's bindings (`c.env`), once per env object. */
export type HealthOptionsFrom<Bindings> = HealthOptions | ((env: Bindings) => HealthOptions);

export type HealthAppOptions = MountedRouterOptions;

// Requests without bindings (Node without an env, `app.request()` in tests) share one key.
const NO_ENV = {};

/**
 * A Hono sub-app serving `/live`, `/ready`, `/ready/<check>` and `/startup` (and
 * readiness at its root) under wherever it is mounted. Other paths fall through to
 * the parent app's routes and its 404.
 *
 * With a function, options come from the Worker's bindings: one health (one
 * lifecycle, one result cache) per env object, which is one per isolate on
 * Workers. On Node, where `@hono/node-server` hands each request its own env, pass
 * an object.
 *
 * @example
 * ```ts
 * const app = new Hono<{ Bindings: { API_URL: string } }>();
 * app.route('/health', healthApp((env) => ({ checks: [httpCheck({ name: 'api', url: env.API_URL })] })));
 * ```
 */
export function healthApp<Bindings extends object = Record<string, unknown>>(
  options: HealthOptionsFrom<Bindings>,
  settings: HealthAppOptions = {},
): Hono<{ Bindings: Bindings }> {
  const onError = settings.onError ?? ((message: string) => console.error(message));
  const routers = new WeakMap<object, MountedRouter>();
  const routerFor = (env: unknown): MountedRouter => {
    const key = typeof options === 'function' && typeof env === 'object' && env !== null ? env : NO_ENV;
    let router = routers.get(key);
    if (!router) {
      const resolved = typeof options === 'function' ? options(env as Bindings) : options;
      router = createMountedRouter(createHealth(resolved), settings);
      routers.set(key, router);
    }
    return router;
  };

  return new Hono<{ Bindings: Bindings }>().all('*', async (c, next) => {
    let router: MountedRouter;
    try {
      router = routerFor(c.env);
    } catch (error) {
      // The options are the developer's: the log says what is wrong, callers only that something is.
      onError(`edge-health: invalid health options: ${redact(error instanceof Error ? error.message : String(error))}`);
      return errorResponse(503, 'The health checks are misconfigured; the server log says why.');
    }
    const response = await router(c.req.raw, mountBase(c.req.routePath));
    if (response) return response;
    await next();
  });
}

/** `/health/*` → `/health`: Hono's route path of the mount is the router's base. */
function mountBase(routePath: string): string {
  return routePath.replace(/\/?\*$/, '');
}
