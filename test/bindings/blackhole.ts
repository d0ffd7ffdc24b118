import { createServer, type Socket } from 'node:net';
import { listen, type Listening } from '../../local/server/index.ts';

export interface Blackhole {
  port: number;
  /** Connections accepted so far, and those still open (counted here, at the server). */
  stats(): { accepted: number; open: number };
  close(): Promise<void>;
}

/** Accepts every connection and never answers: a hung server, as a TCP or Postgres client sees one. */
export async function startBlackhole(): Promise<Blackhole> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server = createServer((socket) => {
    accepted += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    // Why read and discard: a socket whose data is never read never sees the client's FIN, so it would look open.
    socket.resume();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const close = (): Promise<void> => {
    for (const socket of sockets) socket.destroy();
    return new Promise((resolve) => server.close(() => resolve()));
  };
  return { port, stats: () => ({ accepted, open: sockets.size }), close };
}

/** Serves a blackhole's counts as JSON, for tests that run in workerd and cannot reach it otherwise. */
export function serveStats(blackhole: Blackhole): Promise<Listening> {
  return listen((_request, response) => {
    response.setHeader('Content-Type', 'application/json');
    response.end(JSON.stringify(blackhole.stats()));
  });
}
