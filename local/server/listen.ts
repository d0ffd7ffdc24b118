import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ListenOptions {
  /** @default 0 (a free port the OS picks) */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /**
   * How long `close()` lets requests in flight finish before it drops their
   * sockets; idle sockets are dropped at once. @default 0
   */
  graceMs?: number;
}

/** A local HTTP server that is already listening. */
export interface Listening {
  /** `http://<host>:<port>` (a wildcard host is reached through loopback). */
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  /** Stops listening and drops every connection (after `graceMs` for busy ones). Safe to call twice. */
  close(): Promise<void>;
}

/** Whatever it returns is ignored; a rejection drops the connection. */
export type Handler = (request: IncomingMessage, response: ServerResponse) => unknown;

/**
 * The one way our local tools serve HTTP: gateways, the external API stand-in,
 * the fault proxy and test fixtures. A handler that throws or rejects loses
 * its connection instead of the process.
 *
 * @example
 * ```ts
 * const api = await listen((request, response) => response.end('ok'));
 * await fetch(api.url);
 * await api.close();
 * ```
 */
export async function listen(handler: Handler, options: ListenOptions = {}): Promise<Listening> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer(guard(handler));
  const connections = trackConnections(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost(host)}:${port}`,
    port,
    server,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        const timer = setTimeout(() => connections.destroyAll(), options.graceMs ?? 0);
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        connections.destroyIdle();
      })),
  };
}

function guard(handler: Handler): RequestListener {
  return (request, response) => {
    try {
      void Promise.resolve(handler(request, response)).catch(() => response.destroy());
    } catch {
      response.destroy();
    }
  };
}

/**
 * Which sockets carry a request right now. Why: Node's `closeIdleConnections()`
 * skips sockets that never carried a request, and fetch clients (undici) open
 * such spare sockets, which would hold `close()` up.
 */
function trackConnections(server: Server): { destroyIdle(): void; destroyAll(): void } {
  const sockets = new Set<Socket>();
  const busy = new Map<Socket, number>();
  server.on('connection', (socket: Socket) => {
    // Why: a client that resets the connection must not crash the process.
    socket.on('error', () => {});
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
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
    destroyAll() {
      for (const socket of sockets) socket.destroy();
    },
  };
}

function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
