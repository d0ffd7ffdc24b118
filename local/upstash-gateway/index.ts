/**
 * An Upstash-compatible REST gateway in front of a real Redis, for local
 * development and tests (never shipped): speaks what `@upstash/redis` sends
 * with its default options, including auto-pipelining and base64 replies.
 * @module
 */
export { startUpstashGateway, type UpstashGateway, type UpstashGatewayOptions } from './start-upstash-gateway.ts';
export { RedisConnectError } from './connect-redis.ts';
export { GatewayError } from '../server/index.ts';
