/**
 * The health router: the only module that imports itty-router.
 * @module
 */
export { createHealthRouter, type HealthRouter, type HealthRouterOptions } from './create-health-router.ts';
