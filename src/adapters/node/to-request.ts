import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { errorResponse } from '../../core/index.ts';

/**
 * Methods a fetch `Request` refuses to carry (the Fetch standard's forbidden
 * methods): undici throws on them, so they are answered here instead.
 */
const FORBIDDEN_METHODS: ReadonlySet<string> = new Set(['CONNECT', 'TRACE', 'TRACK']);

/**
 * A node:http request as a fetch `Request`, aborted when the client goes away;
 * or, for a request no `Request` can represent, the 4xx that answers it.
 *
 * Why an answer and not a throw: this runs inside node:http's synchronous
 * request handler, where an exception is uncaught and stops the process. One
 * scanner sending `TRACE` must not take the health endpoint down.
 */
export function toRequest(incoming: IncomingMessage, outgoing: ServerResponse): Request | Response {
  const method = incoming.method ?? 'GET';
  if (FORBIDDEN_METHODS.has(method.toUpperCase())) {
    return errorResponse(405, `Method ${method} is not allowed here; use GET or HEAD.`, { Allow: 'GET, HEAD' });
  }
  const url = parseUrl(incoming.url ?? '/', incoming.headers.host ?? 'localhost');
  if (!url) return errorResponse(400, 'The Host header or the request target is not valid.');
  const headers = new Headers();
  for (let i = 0; i < incoming.rawHeaders.length; i += 2) {
    headers.append(incoming.rawHeaders[i] ?? '', incoming.rawHeaders[i + 1] ?? '');
  }
  const controller = new AbortController();
  outgoing.once('close', () => {
    if (!outgoing.writableFinished) controller.abort(new Error('client disconnected'));
  });
  const hasBody = method !== 'GET' && method !== 'HEAD';
  try {
    return new Request(url, {
      method,
      headers,
      signal: controller.signal,
      ...(hasBody ? { body: Readable.toWeb(incoming) as ReadableStream, duplex: 'half' } : {}),
    } as RequestInit);
  } catch {
    // Why a catch-all: undici validates more than node:http's parser (method tokens,
    // header values); whatever it refuses is the caller's input, so a 400.
    return errorResponse(400, 'The request cannot be represented as a fetch Request (method or headers not valid).');
  }
}

/** RFC 9110 §7.2: `Host` is `uri-host [ ":" port ]`, a name, an IPv4 or a bracketed IPv6 literal. */
const HOST_PATTERN = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=]|%[0-9A-Fa-f]{2})+(?::\d{0,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{0,5})?$/;

function parseUrl(target: string, host: string): URL | undefined {
  if (!HOST_PATTERN.test(host)) return undefined;
  try {
    return new URL(target, `http://${host}`);
  } catch {
    return undefined;
  }
}
