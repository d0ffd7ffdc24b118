import { findPostgresBinaries } from './find-postgres-binaries.ts';
import { startBinaryPostgres } from './start-binary-postgres.ts';
import { startPglite } from './start-pglite.ts';
import type { EphemeralPostgres, StartPostgresOptions } from './types.ts';

/**
 * An ephemeral PostgreSQL: the real server when its binaries are on this
 * machine, else PGlite. Check `kind` to know which one you got.
 *
 * @example
 * ```ts
 * const pg = await startPostgres();
 * try {
 *   await useDatabase(pg.url);
 * } finally {
 *   await pg.stop();
 * }
 * ```
 */
export async function startPostgres(options: StartPostgresOptions = {}): Promise<EphemeralPostgres> {
  const { prefer = 'binary', port, maxConnections, ...binaryOptions } = options;
  const bindir = prefer === 'binary' ? (binaryOptions.bindir ?? findPostgresBinaries()) : undefined;
  if (bindir === undefined) {
    return startPglite({ ...(port === undefined ? {} : { port }), ...(maxConnections === undefined ? {} : { maxConnections }) });
  }
  return startBinaryPostgres({ ...binaryOptions, ...(port === undefined ? {} : { port }), bindir });
}
