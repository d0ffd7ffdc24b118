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

const bodyTexts = new WeakMap<Response, string>();

/** A response whose body is the given text, remembered so an adapter can write it without reading the stream. */
export function textResponse(body: string, init: ResponseInit): Response {
  const response = new Response(body, init);
  bodyTexts.set(response, body);
  return response;
}

/** The body text of a response built by {@link textResponse}, while its body is still unread. */
export function bodyTextOf(response: Response): string | undefined {
  return response.bodyUsed ? undefined : bodyTexts.get(response);
}
