/**
 * Ephemeral `redis-server` processes for development and tests (never shipped):
 * loopback only, no persistence, a temp dir, cleaned up when the owner exits.
 * @module
 */
export { startRedis, type EphemeralRedis, type StartRedisOptions } from './start-redis.ts';
export { findRedisServer } from './find-redis-server.ts';
export { pingRedis } from './ping-redis.ts';
export { RedisServerNotFoundError, RedisStartError } from './errors.ts';
