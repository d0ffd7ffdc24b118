import { connect } from 'cloudflare:sockets';
import type { TcpConnector } from './tcp-check.ts';

/** `cloudflare:sockets`, for Workers: waits for `opened`, closes the socket on abort. */
export const connectWorkerd: TcpConnector = async (target, signal) => {
  signal.throwIfAborted();
  const socket = connect(target);
  const onAbort = (): void => void socket.close().catch(() => {});
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    await socket.opened;
  } catch (error) {
    throw signal.aborted ? signal.reason : error;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  return { readable: socket.readable, writable: socket.writable, close: () => socket.close() };
};
