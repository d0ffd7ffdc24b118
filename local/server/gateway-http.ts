import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A request a gateway refuses or cannot serve, answered with `status` (and
 * `headers`); `message` is safe to show the caller. Each gateway wraps it in
 * its protocol's error body.
 */
export class GatewayError extends Error {
  override name = 'GatewayError' as const;
  readonly status: number;
  readonly headers: Record<string, string>;

  constructor(status: number, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.headers = headers;
  }
}

/**
 * The request body, refused with a 413 {@link GatewayError} past `maxBytes`.
 * Why drain the rest instead of stopping: the client is still sending, and
 * only a fully read request can be answered cleanly.
 */
export function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    request.on('end', () => {
      if (size <= maxBytes) resolve(Buffer.concat(chunks));
      else reject(new GatewayError(413, `The request body is ${size} bytes; this gateway accepts at most ${maxBytes}.`));
    });
    request.on('error', reject);
  });
}

/**
 * Sends `body` as JSON with an exact Content-Length (no body at all when it is
 * `undefined`, e.g. a 204); a response already under way is left alone.
 */
export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (response.headersSent || response.destroyed) return;
  if (body === undefined) {
    response.writeHead(status, headers).end();
    return;
  }
  const payload = JSON.stringify(body);
  response.writeHead(status, { ...headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) });
  response.end(payload);
}
