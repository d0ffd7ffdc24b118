import { connect } from 'cloudflare:sockets';
import { CheckError } from '../../core/index.ts';
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
    if (signal.aborted) throw signal.reason;
    // Why: workerd says "cannot connect to the specified address" for a refused port and an unreachable
    // host alike, which the core cannot tell from other errors; it is a network failure either way.
    throw error instanceof Error ? new CheckError('network', error.message, { cause: error }) : error;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  return { readable: socket.readable, writable: socket.writable, close: () => socket.close() };
};
