import type { IncomingMessage, ServerResponse } from 'node:http';
import { listen, type Listening } from '../server/index.ts';

/** `url` is `http://127.0.0.1:<port>`; prefix a path with a fault, e.g. `${url}/delay/300/sql`. */
export type FaultProxy = Listening;

/**
 * An HTTP proxy in front of a real gateway that injects one fault per request,
 * chosen by the first path segments:
 * - `/delay/<ms>/<path>`: forward to `<target>/<path>` after `ms`
 * - `/status/<code>/<path>`: answer `code` with a JSON `{error}` body, forward nothing
 * - `/text/<code>/<path>`: answer `code` with an HTML body
 * - `/malformed/<path>`: answer 200 with truncated JSON
 * - `/hang/<path>`: accept and never answer
 * - anything else: forward as is
 */
export function startFaultProxy(target: string): Promise<FaultProxy> {
  return listen((request, response) => route(target, request, response));
}

async function route(target: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://proxy');
  const [, fault = '', arg = '', ...rest] = url.pathname.split('/');
  const send = (status: number, body: string, type = 'application/json'): void => {
    response.writeHead(status, { 'content-type': type });
    response.end(body);
  };
  switch (fault) {
    case 'status':
      return send(Number(arg) || 500, JSON.stringify({ error: Number(arg) === 401 ? 'Unauthorized' : `injected HTTP ${arg}` }));
    case 'text':
      return send(Number(arg) || 502, '<html><body>Bad Gateway</body></html>', 'text/html');
    case 'malformed':
      return send(200, '{"result": "UE9OR', 'application/json');
    case 'hang':
      return;
    case 'delay': {
      await new Promise((resolve) => setTimeout(resolve, Number(arg) || 0));
      return forward(target, `/${rest.join('/')}${url.search}`, request, response);
    }
    default:
      return forward(target, `${url.pathname}${url.search}`, request, response);
  }
}

async function forward(target: string, path: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers)) {
    if (key === 'host' || key === 'content-length' || key === 'connection' || value === undefined) continue;
    headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  try {
    const upstream = await fetch(new URL(path, target), {
      method: request.method ?? 'GET',
      headers,
      ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
    });
    const body = Buffer.from(await upstream.arrayBuffer());
    response.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream' });
    response.end(body);
  } catch {
    response.writeHead(502, { 'content-type': 'application/json' });
    response.end('{"error":"fault proxy: upstream unreachable"}');
  }
}
