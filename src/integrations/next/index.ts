/**
 * Next.js App Router and Vercel: route handlers for `app/health/[[...path]]/route.ts`,
 * `export const { GET, HEAD } = healthRoutes(…)`. Needs nothing from `next` at run time.
 * @module
 */
export { healthRoutes, type HealthRoutes, type HealthRoutesOptions } from './route-handlers.ts';
