/**
 * Ephemeral PostgreSQL for development and tests: the real server from the
 * machine's binaries in a throwaway data directory, or PGlite (WASM) when there
 * are none. Servers are stopped if the owning process exits first. Never shipped.
 * @module
 */
export { startPostgres } from './start-postgres.ts';
export { startBinaryPostgres } from './start-binary-postgres.ts';
export { startPglite } from './start-pglite.ts';
export { findPostgresBinaries } from './find-postgres-binaries.ts';
export { PostgresStartError } from './types.ts';
export type { EphemeralPostgres, StartBinaryPostgresOptions, StartPgliteOptions, StartPostgresOptions } from './types.ts';
