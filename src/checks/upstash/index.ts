/**
 * The Redis check over HTTP, with `@upstash/redis`.
 * @module
 */
export { upstashCheck, type UpstashCheckOptions } from './upstash-check.ts';
