/**
 * edge-health: honest health checks for serverless and edge runtimes.
 * @module
 */
export * from './core/index.ts';
