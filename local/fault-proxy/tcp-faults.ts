import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

export interface TcpFaults {
  /** `http://127.0.0.1:<port>`; prefix a path with a fault, e.g. `${url}/latency/100/sql`. */
  url: string;
  /** Connections open at this moment, client side and upstream side: what a probe left behind. */
  openSockets(): number;
  close(): Promise<void>;
}

/** A faulty answer, written straight to the socket, then the connection closed. */
const answer = (status: string, body: string, type = 'application/json'): string =>
  `HTTP/1.1 ${status}\r\nContent-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;

/** The first byte of a TLS ClientHello: a client that expected TLS on a plain port. */
const TLS_HANDSHAKE = 0x16;
const HEAD_LIMIT = 64 * 1024;

/**
 * Faults at the TCP level, which an HTTP server cannot fake: one exchange per connection,
 * the fault chosen by the first path segments (`Connection: close` on every answer):
 * - `/latency/<ms>/<path>`: forward the raw bytes to `<target>/<path>` after `ms`
 * - `/hang/<path>`: accept, read, and never answer
 * - `/reset/<path>`: answer 200 headers and half a body, then a TCP reset
 * - `/status/<code>/<path>`: answer `code` with a JSON error body
 * - `/malformed/<path>`: answer 200 with truncated JSON
 * - `/trickle/<ms>/<path>`: answer 200 headers, then one body byte every `ms`
 * - a TLS ClientHello (an `https:` URL to this port): plain-text garbage back, then close
 * Refused connections and DNS failures need no server: a closed port, a `.invalid` name.
 */
export async function startTcpFaults(target: string): Promise<TcpFaults> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket): Socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // Why: clients abort with resets; an unheard socket error would crash the host process.
    socket.on('error', () => {});
    return socket;
  };
  const server = createServer((socket) => serve(track(socket), new URL(target), track));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    openSockets: () => sockets.size,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function serve(socket: Socket, target: URL, track: (socket: Socket) => Socket): void {
  let head = Buffer.alloc(0);
  const onData = (chunk: Buffer): void => {
    head = Buffer.concat([head, chunk]);
    if (head[0] === TLS_HANDSHAKE) {
      socket.off('data', onData);
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\nthis port speaks plain HTTP, not TLS\r\n');
      return;
    }
    const end = head.indexOf('\r\n\r\n');
    if (end === -1) {
      if (head.length > HEAD_LIMIT) socket.destroy();
      return;
    }
    socket.off('data', onData);
    const [requestLine = ''] = head.subarray(0, end).toString('latin1').split('\r\n');
    const [method = 'GET', path = '/'] = requestLine.split(' ');
    const [, fault = '', arg = '', ...rest] = path.split('/');
    inject(socket, { fault, arg, rest, method, head, target, track });
  };
  socket.on('data', onData);
}

interface Exchange {
  fault: string;
  arg: string;
  rest: string[];
  method: string;
  /** Everything read so far: the request head and whatever body came with it. */
  head: Buffer;
  target: URL;
  track: (socket: Socket) => Socket;
}

function inject(socket: Socket, exchange: Exchange): void {
  const { fault, arg } = exchange;
  switch (fault) {
    case 'hang':
      return;
    case 'reset':
      socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 64\r\n\r\n{"result":"PO');
      setTimeout(() => socket.resetAndDestroy(), 20);
      return;
    case 'status':
      socket.end(answer(`${Number(arg) || 500} Injected`, JSON.stringify({ error: `injected HTTP ${arg}` })));
      return;
    case 'malformed':
      socket.end(answer('200 OK', '{"result": "UE9OR'));
      return;
    case 'trickle':
      return trickle(socket, Number(arg) || 100);
    case 'latency':
      setTimeout(() => forward(socket, exchange), Number(arg) || 0);
      return;
    default:
      socket.end(answer('404 Not Found', JSON.stringify({ error: `unknown fault ${JSON.stringify(fault)}` })));
  }
}

function trickle(socket: Socket, everyMs: number): void {
  const body = `{"result":"${'x'.repeat(200)}"}`;
  socket.write(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`);
  let sent = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || sent >= body.length) {
      clearInterval(timer);
      socket.end();
      return;
    }
    socket.write(body[sent++] ?? '');
  }, everyMs);
  socket.on('close', () => clearInterval(timer));
}

/** Forwards the exchange to the target with the fault's segments removed, one request per connection. */
function forward(socket: Socket, { method, rest, head, target, track }: Exchange): void {
  if (socket.destroyed) return;
  const text = head.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  const lines = text
    .slice(0, end)
    .split('\r\n')
    .slice(1)
    .filter((line) => !/^(connection|host):/i.test(line));
  const rewritten = Buffer.concat([
    Buffer.from(`${method} /${rest.join('/')} HTTP/1.1\r\nHost: ${target.host}\r\nConnection: close\r\n${lines.join('\r\n')}\r\n\r\n`, 'latin1'),
    head.subarray(end + 4),
  ]);
  const upstream = track(connect(Number(target.port), target.hostname, () => upstream.write(rewritten)));
  socket.pipe(upstream);
  upstream.pipe(socket);
  upstream.on('error', () => socket.destroy());
  socket.on('close', () => upstream.destroy());
}
