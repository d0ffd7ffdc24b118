import { Hono } from 'hono';
import type { MountedRouterOptions } from '../mounted-router.ts';
import { createRouterPerEnv, type HealthOptionsFrom } from '../router-per-env.ts';

export type HealthAppOptions = MountedRouterOptions;

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
  const routerFor = createRouterPerEnv(options, { ...settings, fallThrough: true });
  return new Hono<{ Bindings: Bindings }>().all('*', async (c, next) => {
    const response = await routerFor(c.env)(c.req.raw, mountBase(c.req.routePath));
    if (response) return response;
    await next();
  });
}

/** `/health/*` → `/health`: Hono's route path of the mount is the router's base. */
function mountBase(routePath: string): string {
  return routePath.replace(/\/?\*$/, '');
}
