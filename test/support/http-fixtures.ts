import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { listen } from '../../local/server/index.ts';

/** Real HTTP servers on 127.0.0.1 standing in for external APIs, with every failure mode a check meets. */
export interface HttpFixtures {
  /** `http://127.0.0.1:<port>` of the HTTP fixture server. */
  http: string;
  /** A TCP server that accepts connections and never answers. */
  silent: string;
  /** A port nothing listens on (connections are refused). */
  refused: string;
  close(): Promise<void>;
}

const hits = new Map<string, number>();
/** The Authorization header each tracked id last received: proves what a check sent, on every runtime. */
const authorizations = new Map<string, string>();

function route(request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? '/', 'http://fixture');
  const tracked = /^\/(tracked|hits)\/([\w-]+)$/.exec(url.pathname);
  if (tracked?.[1] === 'tracked') {
    hits.set(tracked[2] ?? '', (hits.get(tracked[2] ?? '') ?? 0) + 1);
    if (request.headers.authorization !== undefined) authorizations.set(tracked[2] ?? '', request.headers.authorization);
  }
  if (tracked?.[1] === 'hits') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ hits: hits.get(tracked[2] ?? '') ?? 0, authorization: authorizations.get(tracked[2] ?? '') ?? null }));
    return;
  }
  if (tracked) {
    // `?ms=` answers that much later: a slow dependency whose calls are counted.
    const timer = setTimeout(() => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('tracked');
    }, Number(url.searchParams.get('ms') ?? '0'));
    response.on('close', () => clearTimeout(timer));
    return;
  }
  const send = (status: number, body = '', headers: Record<string, string> = {}): void => {
    response.writeHead(status, { 'content-type': 'text/plain', ...headers });
    response.end(request.method === 'HEAD' ? undefined : body);
  };
  switch (url.pathname) {
    case '/ok':
      return send(200, 'ok');
    case '/created':
      return send(201, 'created');
    case '/slow': {
      const ms = Number(url.searchParams.get('ms') ?? '200');
      const timer = setTimeout(() => send(200, 'slow ok'), ms);
      response.on('close', () => clearTimeout(timer));
      return;
    }
    case '/status':
      return send(Number(url.searchParams.get('code') ?? '500'), 'status');
    case '/redirect':
      return send(302, '', { location: '/ok' });
    case '/echo-auth':
      return send(request.headers.authorization === 'Bearer fixture-token-123' ? 200 : 401, 'auth');
    case '/hang':
      // Headers never come: the request hangs until the client gives up.
      return;
    case '/endless':
      response.writeHead(200, { 'content-type': 'text/plain' });
      // A body that never ends: a check must not read it to the end.
      response.write('x'.repeat(1024));
      return;
    case '/keyword':
      return send(200, `{"db":"up","motd":"${'filler '.repeat(10)}"}`);
    default:
      return send(404, 'not found');
  }
}

/** A TCP server that accepts and never says a word: an HTTP request to it hangs. */
async function startSilentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    // Why: some clients (Bun) abort with a TCP reset; an unheard socket error would crash the runner.
    socket.on('error', () => {});
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export async function startHttpFixtures(): Promise<HttpFixtures> {
  const [http, silent] = await Promise.all([listen(route), startSilentServer()]);
  return {
    http: http.url,
    silent: `http://127.0.0.1:${silent.port}`,
    // Why port 1 and not a free port let go of: the kernel hands a released port to the
    // next server listening on port 0, and under parallel tests one took it (a clean-clone
    // CI run saw "refused" answer 4xx). Nothing listens on tcpmux's port 1.
    refused: 'http://127.0.0.1:1',
    async close() {
      await Promise.all([http.close(), silent.close()]);
    },
  };
}
