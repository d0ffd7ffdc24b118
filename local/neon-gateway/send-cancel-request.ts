import { connect } from 'node:net';
import type { PoolClient } from 'pg';

const CANCEL_REQUEST_CODE = 80877102;
const TIMEOUT_MS = 2_000;

/**
 * Asks the server to cancel what `client` is running: the wire protocol's
 * CancelRequest on a fresh socket, as Neon's proxy does when the HTTP client
 * goes away. Best effort; never rejects. PGlite ignores it.
 */
export function sendCancelRequest(client: PoolClient, host: string, port: number): Promise<void> {
  const { processID, secretKey } = client as unknown as { processID: unknown; secretKey: unknown };
  if (typeof processID !== 'number' || typeof secretKey !== 'number') return Promise.resolve();
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (): void => {
      socket.destroy();
      resolve();
    };
    socket.setTimeout(TIMEOUT_MS, done);
    socket.once('error', done);
    socket.once('close', done);
    socket.once('connect', () => {
      const message = Buffer.alloc(16);
      message.writeInt32BE(16, 0);
      message.writeInt32BE(CANCEL_REQUEST_CODE, 4);
      message.writeInt32BE(processID, 8);
      message.writeInt32BE(secretKey, 12);
      socket.end(message);
    });
  });
}
