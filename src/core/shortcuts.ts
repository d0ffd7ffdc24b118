/**
 * Shortcuts between the core and the adapters that serve it, so that a probe
 * costs little more than a bare handler on platforms where building a fetch
 * `Request` and reading back a `Response` body are the expensive part (Node).
 * Both are optional: code that knows nothing of them sees plain fetch objects.
 */

/**
 * A method an adapter's lazy request carries to build the real `Request` it
 * stands for. Anything handed to code outside edge-health (the router's
 * fallback: the user's app) goes through {@link realRequest} first.
 */
export const REAL_REQUEST: unique symbol = Symbol.for('edge-health.real-request');

/** The real `Request` behind an adapter's lazy one, or the request itself. */
export function realRequest(request: Request): Request {
  const build = (request as Request & { [REAL_REQUEST]?: () => Request })[REAL_REQUEST];
  return typeof build === 'function' ? build.call(request) : request;
}

/**
 * A method an adapter's lazy request may carry to make its answer's response
 * from the parts the core has (status, header fields, text) without building
 * an undici `Response`: what the adapter can write directly (see {@link lightAnswers}).
 */
export const LIGHT_RESPONSE: unique symbol = Symbol.for('edge-health.light-response');

type LightMaking = Request & { [LIGHT_RESPONSE]: (text: string, status: number, fields: Readonly<Record<string, string>>) => Response };

/** Whether `request` is an adapter's lazy one (its URL already parsed, its adapter able to write a light response). */
export const isLazyRequest = (request: Request): boolean => REAL_REQUEST in request;

/** A URL's query as the core reads it: never written, so one empty query serves every URL without one. */
export type QueryReader = Pick<URLSearchParams, 'get' | 'getAll' | 'has' | 'entries'>;

const NO_QUERY: QueryReader = new URLSearchParams();

/**
 * The query of a request's URL. A request's URL never carries its fragment
 * (the Fetch standard leaves it out; an adapter's lazy request carries a URL
 * its adapter parsed), so one without a `?` (a probe's usual case) has an
 * empty query, found without parsing the URL.
 */
export function searchParamsOf(request: Request): QueryReader {
  if (!request.url.includes('?')) return NO_QUERY;
  return new URL(request.url).searchParams;
}

/**
 * A method an adapter's lazy request may carry to read one header field from
 * what its server parsed, without building the `Headers` the fetch API wants
 * (on Node, from every raw header line: a fair share of a probe's cost).
 */
export const HEADER_FIELD: unique symbol = Symbol.for('edge-health.header-field');

/** `request.headers.get(name)` (`name` in lower case), from the adapter's own fields when its lazy request has them. */
export function headerOf(request: Request, name: string): string | null {
  const read = (request as Request & { [HEADER_FIELD]?: (name: string) => string | null })[HEADER_FIELD];
  return typeof read === 'function' ? read.call(request, name) : request.headers.get(name);
}

const lazyHandlers = new WeakSet<object>();

/**
 * Marks a handler that reads only `method`, `url`, `headers` and `signal` of the
 * requests it gets, and hands them on only through {@link realRequest}: an
 * adapter may give it a lazy request. Why opt-in: `new Request(lazy)` throws, and
 * a user's own handler may do exactly that.
 */
export function takesLazyRequests<T extends object>(handler: T): T {
  lazyHandlers.add(handler);
  return handler;
}

/** Whether {@link takesLazyRequests} marked the handler. */
export const acceptsLazyRequests = (handler: object): boolean => lazyHandlers.has(handler);

/**
 * Where {@link textResponse} keeps a response's body text: a property of the
 * response under a symbol. Why not a `WeakMap`: one entry per answer is an
 * ephemeron the garbage collector must trace for every short-lived response
 * (in workerd 4–5 % of a cached readiness answer's samples).
 */
const BODY_TEXT: unique symbol = Symbol('edge-health.body-text');
type WithText = Response & { [BODY_TEXT]?: string };
let lightMaking: LightMaking | undefined;

/**
 * Runs `build`, whose text responses are made by the request's adapter when
 * `request` carries {@link LIGHT_RESPONSE}: the adapter writes them as they are
 * (code on the way back sees a full stand-in for a `Response`). Any other
 * request (Workers, Lambda, Deno, Bun, a user's own call) gets genuine
 * `Response`s, which native servers insist on.
 * Why a scope and not a parameter: the answer is built several calls down
 * (render, then respond); `build` is synchronous, so the scope ends with it.
 */
export function lightAnswers<T>(request: Request, build: () => T): T {
  if (typeof (request as Partial<LightMaking>)[LIGHT_RESPONSE] !== 'function') return build();
  const outer = lightMaking;
  lightMaking = request as LightMaking;
  try {
    return build();
  } finally {
    lightMaking = outer;
  }
}

/**
 * A response whose body is the given text, remembered so an adapter can write
 * it without reading the stream; inside {@link lightAnswers}, the adapter's own
 * light response when its headers are a plain record (the core's own answers).
 */
export function textResponse(body: string, init: ResponseInit = {}): Response {
  const { status = 200, statusText, headers = {} } = init;
  if (lightMaking && statusText === undefined && isFieldRecord(headers)) return lightMaking[LIGHT_RESPONSE](body, status, headers);
  const response: WithText = new Response(body, init);
  response[BODY_TEXT] = body;
  return response;
}

const isFieldRecord = (headers: HeadersInit): headers is Record<string, string> => !(headers instanceof Headers) && !Array.isArray(headers);

/** The body text of a response built by {@link textResponse}, while its body is still unread. */
export function bodyTextOf(response: Response): string | undefined {
  return response.bodyUsed ? undefined : (response as WithText)[BODY_TEXT];
}
