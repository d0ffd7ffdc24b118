import type { Health } from '../core/index.ts';
import { createHealthRouter, type HealthRouter } from '../router/index.ts';

/**
 * Answers the health endpoints under a mount point; for any other path, either
 * `undefined` (the framework's own routes and 404 answer it) or the router's JSON 404.
 */
export type MountedRouter = (request: Request, base: string) => Promise<Response | undefined>;

export interface MountedRouterOptions {
  /** Where unexpected errors are reported (already redacted). @default console.error */
  onError?: (message: string) => void;
}

/** One itty router per mount point (built on first use; an app has one or two). */
export function createMountedRouter(health: Health, options: MountedRouterOptions & { fallThrough: boolean }): MountedRouter {
  const { fallThrough, ...routerOptions } = options;
  const routers = new Map<string, HealthRouter>();
  return async (request, base) => {
    let router = routers.get(base);
    if (!router) {
      router = createHealthRouter(health, { base, ...routerOptions });
      routers.set(base, router);
    }
    // `handle` leaves other paths to the framework; `fetch` answers them with the JSON 404.
    return fallThrough ? router.handle(request) : router.fetch(request);
  };
}
