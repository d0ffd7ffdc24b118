import { errorResponse, type HealthOptions } from '../../core/index.ts';
import type { MountedRouterOptions } from '../mounted-router.ts';
import { createRouterPerEnv } from '../router-per-env.ts';

export interface HealthRoutesOptions extends MountedRouterOptions {
  /**
   * Where the route file sits: `app/health/[[...path]]/route.ts` serves `/health`.
   * @default '/health'
   */
  base?: string;
}

type RouteHandler = (request: Request) => Promise<Response>;

/**
 * App Router route handlers: export `GET` and `HEAD`; export the others too for the
 * JSON 405 with `Allow: GET, HEAD` instead of Next.js's bare one.
 */
export interface HealthRoutes {
  GET: RouteHandler;
  HEAD: RouteHandler;
  POST: RouteHandler;
  PUT: RouteHandler;
  PATCH: RouteHandler;
  DELETE: RouteHandler;
}

/**
 * Next.js App Router (and Vercel) route handlers for an optional catch-all route,
 * `app/health/[[...path]]/route.ts`. Options given as a function are read on the
 * first request, not when `next build` imports the route, so the build needs
 * none of the runtime's variables.
 *
 * @example
 * ```ts
 * export const dynamic = 'force-dynamic';
 * export const { GET, HEAD } = healthRoutes(() => ({ checks: [httpCheck({ name: 'api', url: process.env.API_URL! })] }));
 * ```
 */
export function healthRoutes(options: HealthOptions | (() => HealthOptions), settings: HealthRoutesOptions = {}): HealthRoutes {
  const { base = '/health', ...routerSettings } = settings;
  const routerFor = createRouterPerEnv(options, { ...routerSettings, fallThrough: false });
  const handle: RouteHandler = async (request) =>
    // Without fall-through the router answers every path; the 404 only satisfies the type.
    (await routerFor(undefined)(request, base)) ?? errorResponse(404, 'Not found.');
  return { GET: handle, HEAD: handle, POST: handle, PUT: handle, PATCH: handle, DELETE: handle };
}
