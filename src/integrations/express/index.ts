/**
 * Express: the health endpoints as middleware to mount with `app.use('/health', healthMiddleware(health))`,
 * over the Node adapter. Needs nothing from `express` at run time.
 * @module
 */
export { healthMiddleware, type HealthMiddleware, type MountedRequest } from './health-middleware.ts';
