import { listen } from '../server/index.ts';
import { handleSqlRequest } from './handle-sql-request.ts';
import { createPoolRegistry } from './pool-registry.ts';
import type { NeonGateway, NeonGatewayOptions } from './types.ts';

const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
/** Requests in flight may finish for this long on close; then their sockets drop, which cancels their SQL. */
const CLOSE_GRACE_MS = 2_000;

/**
 * Serves Neon's SQL-over-HTTP protocol (`POST /sql`, what `neon()` from
 * @neondatabase/serverless sends) in front of any PostgreSQL, reached through
 * the connection string each request carries in `Neon-Connection-String`.
 *
 * @example
 * ```ts
 * const gateway = await startNeonGateway();
 * neonConfig.fetchEndpoint = gateway.endpoint; // global to the driver
 * const sql = neon(postgresUrl);
 * await sql`SELECT 1`;
 * await gateway.close();
 * ```
 */
export async function startNeonGateway(options: NeonGatewayOptions = {}): Promise<NeonGateway> {
  const pools = createPoolRegistry({
    maxConnectionsPerDatabase: options.maxConnectionsPerDatabase ?? 4,
    connectTimeoutMs: options.connectTimeoutMs ?? 5_000,
  });
  const context = { pools, maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, log: options.log };
  const server = await listen((request, response) => handleSqlRequest(request, response, context), {
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    graceMs: CLOSE_GRACE_MS,
  }).catch(async (error: unknown) => {
    await pools.close();
    throw error;
  });
  let closing: Promise<void> | undefined;
  return {
    url: server.url,
    endpoint: `${server.url}/sql`,
    port: server.port,
    close: () =>
      (closing ??= (async () => {
        await server.close();
        await pools.close();
      })()),
  };
}
