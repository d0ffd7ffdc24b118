/**
 * A Neon-compatible SQL-over-HTTP gateway for development and tests: serves
 * `POST /sql` exactly as @neondatabase/serverless (HTTP mode, `neon()`) sends
 * it, in front of any PostgreSQL (a real server or PGlite). Never shipped.
 * @module
 */
export { startNeonGateway } from './start-neon-gateway.ts';
export { handleSqlRequest, type SqlHandlerContext } from './handle-sql-request.ts';
export { createPoolRegistry, DatabaseConnectError, type PoolRegistry, type PoolRegistryOptions } from './pool-registry.ts';
export { GatewayError } from '../server/index.ts';
export type { FieldJson, NeonGateway, NeonGatewayOptions, QueryResultJson } from './types.ts';
