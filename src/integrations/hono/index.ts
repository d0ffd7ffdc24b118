/**
 * Hono: the health endpoints as a sub-app to mount with `app.route('/health', healthApp(…))`,
 * options from the Worker's bindings (`c.env`). Needs `hono` (an optional peer dependency).
 * @module
 */
export { healthApp, type HealthAppOptions } from './health-app.ts';
export type { HealthOptionsFrom } from '../router-per-env.ts';
