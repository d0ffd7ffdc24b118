/**
 * Cloudflare Workers: check results shared by the isolates of a location
 * (Cache API) or of the whole deployment (a Durable Object that owns the run).
 * @module
 */
export { CACHE_UNAVAILABLE, CacheApiStore, type CacheApiStoreOptions, type CacheLike } from './cache-api-store.ts';
export { noteConnectionQueue, withConnectionQueueNote, WORKERS_CONNECTION_LIMIT } from './connection-queue-note.ts';
export { DurableObjectShare, OWNER_UNREACHABLE, type DurableObjectNamespaceLike, type DurableObjectShareOptions } from './durable-object-share.ts';
export { healthOwnerClass, type HealthOwnerClass, type HealthOwnerOptions, type OwnerState } from './health-owner.ts';
export { shareFromEnv, SHARE_MODES, type WorkerSharing } from './share-from-env.ts';
