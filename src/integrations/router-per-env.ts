import { createHealth, type HealthOptions } from '../core/index.ts';
import { onePerEnv } from '../router/one-per-env.ts';
import { createMountedRouter, type MountedRouter, type MountedRouterOptions } from './mounted-router.ts';

/** Options for every request, or built from the platform's env (a Worker's bindings), once per env object. */
export type HealthOptionsFrom<Env> = HealthOptions | ((env: Env) => HealthOptions);

/** A framework's mounted router, one per env object (see {@link onePerEnv}); plain options share one. */
export function createRouterPerEnv<Env>(options: HealthOptionsFrom<Env>, settings: MountedRouterOptions & { fallThrough: boolean }): (env: unknown) => MountedRouter {
  const routerFor = onePerEnv(
    (env: unknown) => createMountedRouter(createHealth(typeof options === 'function' ? options(env as Env) : options), settings),
    { misconfigured: (answer): MountedRouter => answer, onError: settings.onError },
  );
  // Plain options ignore env: a server's env may be a new object per request (@hono/node-server's bindings).
  return typeof options === 'function' ? routerFor : () => routerFor(undefined);
}
