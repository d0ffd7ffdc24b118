/**
 * Fastify: the health endpoints as a plugin to register with a prefix,
 * `app.register(healthPlugin(health), { prefix: '/health' })`, over the Node adapter.
 * @module
 */
export { healthPlugin } from './health-plugin.ts';
