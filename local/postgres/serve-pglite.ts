import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketHandler, type PGLiteSocketHandlerOptions } from '@electric-sql/pglite-socket';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { createPgliteCycleQueue } from './pglite-cycle-queue.ts';

export interface PgliteServer {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serves `db` over the Postgres wire protocol with pglite-socket's
 * connection handler and our cycle-level queue, so several clients can use
 * the one session without interleaving inside each other's statements.
 */
export async function servePglite(db: PGlite, options: { host: string; port: number; maxConnections: number }): Promise<PgliteServer> {
  const queue = createPgliteCycleQueue(db) as unknown as PGLiteSocketHandlerOptions['queryQueue'];
  const handlers = new Set<PGLiteSocketHandler>();
  const server = createServer((socket: Socket) => {
    if (handlers.size >= options.maxConnections) {
      socket.destroy();
      return;
    }
    const handler = new PGLiteSocketHandler({ queryQueue: queue, closeOnDetach: true });
    handlers.add(handler);
    const forget = (): boolean => handlers.delete(handler);
    handler.addEventListener('close', forget);
    handler.addEventListener('error', forget);
    handler.attach(socket).catch(() => {
      forget();
      socket.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.allSettled([...handlers].map((handler) => handler.detach(true)));
      handlers.clear();
      await closed;
    },
  };
}
