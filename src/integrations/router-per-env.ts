import { createHealth, errorResponse, redact, type HealthOptions } from '../core/index.ts';
import { createMountedRouter, type MountedRouter, type MountedRouterOptions } from './mounted-router.ts';

/** Options for every request, or built from the platform's env (a Worker's bindings), once per env object. */
export type HealthOptionsFrom<Env> = HealthOptions | ((env: Env) => HealthOptions);

// Requests without an env object (Node, Next.js, `app.request()` in tests) share one key.
const NO_ENV = {};

/**
 * One health (one lifecycle, one result cache) per env object, built on its first
 * request: Workers allow no random values at global scope, and a build step that
 * imports the module (`next build`) must not need the runtime's configuration.
 * Options that throw answer 503 and are tried again on the next request.
 */
export function createRouterPerEnv<Env>(options: HealthOptionsFrom<Env>, settings: MountedRouterOptions & { fallThrough: boolean }): (env: unknown) => MountedRouter {
  const onError = settings.onError ?? ((message: string) => console.error(message));
  const routers = new WeakMap<object, MountedRouter>();
  return (env) => {
    const key = typeof options === 'function' && typeof env === 'object' && env !== null ? env : NO_ENV;
    let router = routers.get(key);
    if (router) return router;
    try {
      router = createMountedRouter(createHealth(typeof options === 'function' ? options(env as Env) : options), settings);
    } catch (error) {
      // The options are the developer's: the log says what is wrong, callers only that something is.
      onError(`edge-health: invalid health options: ${redact(error instanceof Error ? error.message : String(error))}`);
      return async () => errorResponse(503, 'The health checks are misconfigured; the server log says why.');
    }
    routers.set(key, router);
    return router;
  };
}
