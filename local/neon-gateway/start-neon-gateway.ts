import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleSqlRequest } from './handle-sql-request.ts';
import { createPoolRegistry } from './pool-registry.ts';
import { trackConnections } from './track-connections.ts';
import type { NeonGateway, NeonGatewayOptions } from './types.ts';

const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
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
  const host = options.host ?? '127.0.0.1';
  const pools = createPoolRegistry({
    maxConnectionsPerDatabase: options.maxConnectionsPerDatabase ?? 4,
    connectTimeoutMs: options.connectTimeoutMs ?? 5_000,
  });
  const context = { pools, maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, log: options.log };
  const server = createServer((request, response) => void handleSqlRequest(request, response, context));
  const connections = trackConnections(server);
  try {
    await listen(server, options.port ?? 0, host);
  } catch (error) {
    await pools.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const url = `http://${urlHost(host)}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    endpoint: `${url}/sql`,
    port,
    close: () =>
      (closing ??= (async () => {
        await closeServer(server, connections.destroyIdle);
        await pools.close();
      })()),
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Lets requests in flight finish for a moment, then drops their sockets (which cancels their SQL). */
function closeServer(server: Server, destroyIdle: () => void): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    destroyIdle();
  });
}

function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
