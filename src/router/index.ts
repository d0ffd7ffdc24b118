/**
 * The health router: the only module that imports itty-router. Also the
 * Cloudflare Worker built from `env` (`createHealthWorker`).
 * @module
 */
export { createHealthRouter, type HealthRouter, type HealthRouterOptions } from './create-health-router.ts';
export { cloudflareColo, createHealthWorker, type HealthApp, type HealthWorker, type HealthWorkerOptions } from './create-health-worker.ts';
