import { connect } from 'node:net';

/** One raw HTTP exchange in progress. */
export interface RawExchange {
  /** Everything the server sent, once the connection closes (either side). */
  answer: Promise<string>;
  /** Closes the connection at once: a client that goes away mid-request. */
  destroy(): void;
}

/**
 * Sends raw bytes to an HTTP origin and returns the whole answer as text: for the
 * requests `fetch` refuses to build (TRACE, a Host that is not a host).
 */
export const rawHttp = (origin: string, text: string): Promise<string> => openRawHttp(origin, text).answer;

/** {@link rawHttp}, with the connection in the caller's hands. */
export function openRawHttp(origin: string, text: string): RawExchange {
  const { hostname, port } = new URL(origin);
  // Why write, not end: node:http drops a request whose client half-closes before the
  // answer is ready. Send `Connection: close`; the server then ends the exchange.
  const socket = connect(Number(port), hostname, () => socket.write(text));
  const answer = new Promise<string>((resolve, reject) => {
    let received = '';
    socket.setTimeout(10_000, () => socket.destroy(new Error(`no answer from ${origin} within 10 s`)));
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
  });
  return { answer, destroy: () => socket.destroy() };
}
