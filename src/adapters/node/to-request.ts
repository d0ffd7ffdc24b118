import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { errorResponse, HEADER_FIELD, LIGHT_RESPONSE, REAL_REQUEST } from '../../core/index.ts';
import { LightResponse } from './light-response.ts';
import { standIn } from './stand-in.ts';

/**
 * Methods a fetch `Request` refuses to carry (the Fetch standard's forbidden
 * methods): undici throws on them, so they are answered here instead.
 */
const FORBIDDEN_METHODS: ReadonlySet<string> = new Set(['CONNECT', 'TRACE', 'TRACK']);

/** RFC 9110 §7.2: `Host` is `uri-host [ ":" port ]`, a name, an IPv4 or a bracketed IPv6 literal. */
const HOST_PATTERN = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=]|%[0-9A-Fa-f]{2})+(?::\d{0,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{0,5})?$/;

/**
 * A node:http request as a fetch `Request`, aborted when the client goes away;
 * or, for a request no `Request` can represent, the 4xx that answers it.
 *
 * Why an answer and not a throw: this runs inside node:http's synchronous
 * request handler, where an exception is uncaught and stops the process. One
 * scanner sending `TRACE` must not take the health endpoint down.
 *
 * Why `lazy` (for handlers marked with `takesLazyRequests`, the router's among
 * them): building an undici `Request` (its Headers, its signal, a listener on
 * the socket) costs more than answering a health probe. The object returned
 * reads `method`, `url`, `headers` and `signal` straight from node:http, each
 * built on first use; anything else (a body, `clone()`) builds the real
 * `Request` once and delegates to it.
 */
export function toRequest(incoming: IncomingMessage, outgoing: ServerResponse, options: { lazy?: boolean } = {}): Request | Response {
  const method = incoming.method ?? 'GET';
  if (FORBIDDEN_METHODS.has(method.toUpperCase())) {
    return errorResponse(405, `Method ${method} is not allowed here; use GET or HEAD.`, { Allow: 'GET, HEAD' });
  }
  const url = parseUrl(incoming.url ?? '/', incoming.headers.host ?? 'localhost');
  if (url === undefined) return errorResponse(400, 'The Host header or the request target is not valid.');
  const request = new NodeRequest(incoming, outgoing, url);
  return options.lazy ? (request as unknown as Request) : request[REAL_REQUEST]();
}

/**
 * The URLs of recent request targets (their hosts checked). Why: probes ask for
 * the same few URLs all day, and checking and parsing one is a fair share of a
 * liveness probe's cost; the bound keeps a scan of random paths from growing it.
 */
const recentUrls = new Map<string, string>();
const RECENT_URLS = 64;

/** The request's URL, or `undefined` when its host or target is not valid. */
function parseUrl(target: string, host: string): string | undefined {
  // Why a space between them: HOST_PATTERN lets no space into a host, so no two pairs share a key.
  const key = `${host} ${target}`;
  const known = recentUrls.get(key);
  if (known !== undefined) return known;
  if (!HOST_PATTERN.test(host)) return undefined;
  try {
    const href = new URL(target, `http://${host}`).href;
    if (recentUrls.size >= RECENT_URLS) recentUrls.clear();
    recentUrls.set(key, href);
    return href;
  } catch {
    return undefined;
  }
}

class NodeRequest {
  readonly #incoming: IncomingMessage;
  readonly #outgoing: ServerResponse;
  readonly #url: string;
  #headers: Headers | undefined;
  #controller: AbortController | undefined;
  #real: Request | undefined;

  constructor(incoming: IncomingMessage, outgoing: ServerResponse, url: string) {
    this.#incoming = incoming;
    this.#outgoing = outgoing;
    this.#url = url;
  }

  get method(): string {
    return this.#incoming.method ?? 'GET';
  }

  get url(): string {
    return this.#url;
  }

  get headers(): Headers {
    if (this.#real) return this.#real.headers;
    if (!this.#headers) {
      const raw = this.#incoming.rawHeaders;
      const headers = new Headers();
      for (let i = 0; i < raw.length; i += 2) {
        try {
          headers.append(raw[i] ?? '', raw[i + 1] ?? '');
        } catch {
          // Why skip: node:http accepted a header line that Headers refuses; a health
          // answer does not need it, and a throw here would turn into a 500.
        }
      }
      this.#headers = headers;
    }
    return this.#headers;
  }

  /** What `headers.get(name)` would say (`name` in lower case), read from the raw header lines until `headers` is built. */
  [HEADER_FIELD](name: string): string | null {
    if (this.#real || this.#headers) return this.headers.get(name);
    const raw = this.#incoming.rawHeaders;
    let value: string | null = null;
    for (let i = 0; i < raw.length; i += 2) {
      const field = raw[i] as string;
      if (field.length === name.length && field.toLowerCase() === name) value = value === null ? (raw[i + 1] as string) : `${value}, ${raw[i + 1] as string}`;
    }
    return value;
  }

  get signal(): AbortSignal {
    if (!this.#controller) {
      const controller = new AbortController();
      const outgoing = this.#outgoing;
      const abort = (): void => {
        if (!outgoing.writableFinished) controller.abort(new Error('client disconnected'));
      };
      if (outgoing.closed) abort();
      else outgoing.once('close', abort);
      this.#controller = controller;
    }
    return this.#controller.signal;
  }

  /** The core's answer as this adapter writes it: see `writeResponse`. */
  [LIGHT_RESPONSE](text: string, status: number, fields: Readonly<Record<string, string>>): Response {
    return new LightResponse(text, status, fields) as unknown as Response;
  }

  /** The real `Request`, built once, for whatever the lazy fields do not cover. */
  [REAL_REQUEST](): Request {
    if (!this.#real) {
      const method = this.method;
      const hasBody = method !== 'GET' && method !== 'HEAD';
      this.#real = new Request(this.#url, {
        method,
        headers: this.headers,
        signal: this.signal,
        ...(hasBody ? { body: Readable.toWeb(this.#incoming) as ReadableStream, duplex: 'half' } : {}),
      } as RequestInit);
    }
    return this.#real;
  }
}

// Every other member of Request (body, bodyUsed, text(), clone(), cache, …) goes to the real one.
standIn(NodeRequest, Request, (request) => request[REAL_REQUEST]());
