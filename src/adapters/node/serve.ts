import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { acceptsLazyRequests, drainOnSignal, type Lifecycle } from '../../core/index.ts';
import { toRequest } from './to-request.ts';
import { writeResponse } from './write-response.ts';

export interface ServeOptions {
  /** @default 8787 */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** The isolate's lifecycle: SIGTERM flips readiness to 503 at once. */
  lifecycle: Lifecycle;
  /**
   * How long to keep serving after SIGTERM, with readiness 503, so that load
   * balancers notice before the listener closes.
   * @default 5000
   */
  drainDelayMs?: number;
  /**
   * The longest wait for in-flight requests after the listener closes.
   * @default 10000
   */
  shutdownTimeoutMs?: number;
  /** @default ['SIGTERM', 'SIGINT'] */
  signals?: readonly ('SIGTERM' | 'SIGINT')[];
  /** Called when shutdown is complete; the default exits the process with 0. */
  onStopped?: () => void;
  /** @default console.log */
  log?: (message: string) => void;
}

export interface Served {
  server: Server;
  url: string;
  /** Runs the same drain and shutdown a signal would. */
  shutdown(reason?: string): Promise<void>;
}

/**
 * Serves a fetch handler on node:http, with the drain-on-SIGTERM a container
 * platform expects: readiness 503 at once, liveness 200, a drain delay, the
 * listener closed, in-flight requests finished, then exit 0.
 */
export async function serve(fetch: (request: Request) => Promise<Response>, options: ServeOptions): Promise<Served> {
  const { lifecycle } = options;
  const log = options.log ?? ((message: string) => console.log(message));
  const requestOptions = { lazy: acceptsLazyRequests(fetch) };
  const server = createServer((incoming, outgoing) => {
    const request = toRequest(incoming, outgoing, requestOptions);
    if (request instanceof Response) {
      writeResponse(request, outgoing).catch(() => outgoing.destroy());
      return;
    }
    fetch(request)
      .then((response) => writeResponse(response, outgoing))
      .catch((error: unknown) => {
        log(`edge-health: handler failed: ${error instanceof Error ? error.message : String(error)}`);
        if (!outgoing.headersSent) outgoing.writeHead(500, { 'content-type': 'application/json' });
        outgoing.end('{"status":"error","error":"internal error"}');
      });
  });
  // Why: node:http hands CONNECT to this event, not to the request handler; with no
  // listener it drops the socket without an answer.
  server.on('connect', (_incoming, socket: Duplex) => {
    socket.end('HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 8787, options.host ?? '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  const url = `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`;

  const shutdown = drainOnSignal({
    lifecycle,
    onSignal: (signal, handler) => void process.on(signal, handler),
    signals: options.signals ?? ['SIGTERM', 'SIGINT'],
    ...(options.drainDelayMs === undefined ? {} : { drainDelayMs: options.drainDelayMs }),
    ...(options.shutdownTimeoutMs === undefined ? {} : { shutdownTimeoutMs: options.shutdownTimeoutMs }),
    closeListener: () => {
      server.close();
      server.closeIdleConnections();
    },
    closeAll: () => server.closeAllConnections(),
    exit: options.onStopped ? () => options.onStopped?.() : (code) => process.exit(code),
    log,
  });
  return { server, url, shutdown };
}
