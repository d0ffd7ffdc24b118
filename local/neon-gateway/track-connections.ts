import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Tracks which sockets carry a request right now. Why: Node's
 * `closeIdleConnections()` skips sockets that never carried a request, and
 * fetch clients (undici) open such spare sockets, which would hold `close()` up.
 */
export function trackConnections(server: Server): { destroyIdle(): void } {
  const sockets = new Set<Socket>();
  const busy = new Map<Socket, number>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('request', (request, response) => {
    const socket = request.socket as Socket;
    busy.set(socket, (busy.get(socket) ?? 0) + 1);
    response.once('close', () => {
      const left = (busy.get(socket) ?? 1) - 1;
      if (left > 0) busy.set(socket, left);
      else busy.delete(socket);
    });
  });
  return {
    destroyIdle() {
      for (const socket of sockets) if (!busy.has(socket)) socket.destroy();
    },
  };
}
