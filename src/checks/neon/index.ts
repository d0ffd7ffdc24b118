/**
 * The Postgres check over HTTP, with `@neondatabase/serverless`.
 * @module
 */
export { neonCheck, type NeonCheckOptions, type NeonQuery } from './neon-check.ts';
export { routeNeonHost } from './neon-endpoints.ts';
