import { connect } from 'node:net';

/**
 * Sends raw bytes to an HTTP origin and returns the whole answer as text: for the
 * requests `fetch` refuses to build (TRACE, a Host that is not a host).
 */
export function rawHttp(origin: string, text: string): Promise<string> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    // Why write, not end: node:http drops a request whose client half-closes before the
    // answer is ready. Send `Connection: close`; the server then ends the exchange.
    const socket = connect(Number(port), hostname, () => socket.write(text));
    let answer = '';
    socket.setTimeout(10_000, () => socket.destroy(new Error(`no answer from ${origin} within 10 s`)));
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}
