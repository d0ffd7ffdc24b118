import { Router, type IRequest } from 'itty-router';
import { acceptsLazyRequests, bodyTextOf, errorResponse, realRequest, redact, takesLazyRequests, type Handler, type Health } from '../core/index.ts';
import { isDocumentNavigation } from './is-document-navigation.ts';

export interface HealthRouterOptions {
  /**
   * Path prefix of the health endpoints.
   * @default '/health'
   */
  base?: string;
  /** Handles every request outside the health endpoints (your app). @default a JSON 404 */
  fallback?: Handler;
  /** Where unexpected errors are reported (already redacted). @default console.error */
  onError?: (message: string) => void;
  /** More GET/HEAD endpoints under the base path, e.g. `{ '/status': page, '/metrics': metrics }`. @default none */
  routes?: Readonly<Record<string, Handler>>;
  /** Answers a browser's top-level navigation to the base path (the status page); all else gets readiness. @default none */
  navigation?: Handler;
}

export interface HealthRouter {
  fetch: Handler;
}

const ALLOW = 'GET, HEAD';

/**
 * Routes `GET`/`HEAD` on `<base>/live`, `<base>/ready` (also `<base>` and
 * `<base>/ready/<check>`) and `<base>/startup` to the core handlers; other
 * methods get 405 with `Allow`, other paths the fallback or a JSON 404.
 *
 * @example
 * ```ts
 * export default createHealthRouter(createHealth({ checks }));
 * ```
 */
export function createHealthRouter(health: Health, options: HealthRouterOptions = {}): HealthRouter {
  const base = (options.base ?? '/health').replace(/\/+$/, '');
  const onError = options.onError ?? ((message: string) => console.error(message));
  const fallback: Handler =
    options.fallback ?? (async (request) => errorResponse(404, `Not found: ${new URL(request.url).pathname}. Try ${base}/live, ${base}/ready or ${base}/startup.`));

  const methodNotAllowed = (request: IRequest): Response =>
    errorResponse(405, `Method ${request.method} is not allowed here; use GET or HEAD.`, { Allow: ALLOW });

  const router = Router<IRequest, []>({
    catch: (error: unknown) => {
      onError(`edge-health: unexpected error: ${redact(error instanceof Error ? (error.stack ?? error.message) : String(error))}`);
      return errorResponse(500, 'Internal error while answering the health check.');
    },
  });

  const routes: [string, (request: IRequest) => Promise<Response>][] = [
    ['/live', (request) => health.live(request)],
    ['/ready', (request) => health.ready(request)],
    ['/ready/:check', (request) => health.ready(request, safeDecode(request.params.check ?? ''))],
    ['/startup', (request) => health.startup(request)],
    ...Object.entries(options.routes ?? {}).map(([suffix, handle]): [string, (request: IRequest) => Promise<Response>] => [suffix, own(handle)]),
    ['', (request) => (options.navigation && isDocumentNavigation(request) ? own(options.navigation)(request) : health.ready(request))],
  ];
  for (const [suffix, handle] of routes) {
    const path = `${base}${suffix}` || '/';
    router.get(path, handle);
    router.head(path, async (request) => withoutBody(await handle(request)));
    router.all(path, methodNotAllowed);
  }
  // Why the real request: the fallback is the user's app, which may clone it or read its body.
  router.all('*', (request) => fallback(realRequest(request)));

  return {
    fetch: takesLazyRequests(async (request: Request) => {
      // Why: Deno and Bun hand over a Request whose url does not parse when the Host
      // header is not a host (`Host: a b`); every `new URL(request.url)` would throw.
      if (!URL.canParse(request.url)) return errorResponse(400, 'The Host header or the request target is not valid.');
      const visit = health.lifecycle.enter(request);
      try {
        return ((await router.fetch(request as IRequest)) as Response | undefined) ?? (await fallback(realRequest(request)));
      } finally {
        visit.leave();
      }
    }),
  };
}

/** A handler given in the options gets a lazy request only if it said it takes one. */
const own =
  (handle: Handler) =>
  (request: IRequest): Promise<Response> =>
    handle(acceptsLazyRequests(handle) ? request : realRequest(request));

/** A malformed escape (`%ZZ`) stays as it is: it then names no check, a 404, not a 500. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * HEAD: the same status and headers as GET, no body. Content-Length is the GET
 * body's (RFC 9110 §8.6): servers that frame by length would otherwise send 0.
 */
async function withoutBody(response: Response): Promise<Response> {
  const headers = new Headers(response.headers);
  const text = bodyTextOf(response);
  const length = text === undefined ? (await response.arrayBuffer()).byteLength : new TextEncoder().encode(text).byteLength;
  headers.set('Content-Length', String(length));
  return new Response(null, { status: response.status, headers });
}
