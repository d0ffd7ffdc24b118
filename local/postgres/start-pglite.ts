import { PGlite } from '@electric-sql/pglite';
import { servePglite } from './serve-pglite.ts';
import type { EphemeralPostgres, StartPgliteOptions } from './types.ts';

const HOST = '127.0.0.1';

/**
 * Starts PGlite (PostgreSQL compiled to WASM, in memory, in this process) behind
 * the Postgres wire protocol on 127.0.0.1: the fallback when no server binaries
 * exist. Unlike a real server it is ONE session shared by every connection:
 * user, password and database name are ignored (always `postgres`), a
 * connection holds the session for a whole statement cycle or transaction
 * while the others wait, `SET`s and temporary tables are shared, and cancel
 * requests are ignored (a running statement always runs to its end).
 *
 * @example
 * ```ts
 * const pg = await startPglite(); // pg.url: postgres://postgres:postgres@127.0.0.1:41234/postgres
 * ```
 */
export async function startPglite(options: StartPgliteOptions = {}): Promise<EphemeralPostgres> {
  const db = await PGlite.create();
  let server;
  try {
    server = await servePglite(db, { host: HOST, port: options.port ?? 0, maxConnections: options.maxConnections ?? 16 });
  } catch (error) {
    await db.close();
    throw error;
  }
  const { port } = server;
  let stopping: Promise<void> | undefined;
  return {
    url: `postgres://postgres:postgres@${HOST}:${port}/postgres`,
    port,
    kind: 'pglite',
    stop: () =>
      (stopping ??= (async () => {
        await server.close();
        await db.close();
      })()),
  };
}
