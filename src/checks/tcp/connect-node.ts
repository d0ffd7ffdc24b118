// eslint-disable-next-line no-restricted-imports -- the Node and Bun connector, reached only through the default export condition
import { connect } from 'node:net';
// eslint-disable-next-line no-restricted-imports -- as above
import { Duplex } from 'node:stream';
import type { TcpConnector } from './tcp-check.ts';

/** `node:net`, for Node and Bun: resolves on `connect`, destroys the socket on abort. */
export const connectNode: TcpConnector = (target, signal) =>
  new Promise((resolve, reject) => {
    signal.throwIfAborted();
    const socket = connect({ host: target.hostname, port: target.port });
    const onAbort = (): void => {
      socket.destroy();
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('error', (error) => {
      signal.removeEventListener('abort', onAbort);
      reject(error);
    });
    socket.once('connect', () => {
      signal.removeEventListener('abort', onAbort);
      const { readable, writable } = Duplex.toWeb(socket) as { readable: ReadableStream<Uint8Array>; writable: WritableStream<Uint8Array> };
      resolve({ readable, writable, close: () => socket.destroy() });
    });
  });
