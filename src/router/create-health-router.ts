import { Router, type IRequest } from 'itty-router';
import { acceptsLazyRequests, bodyTextOf, errorResponse, isLazyRequest, realRequest, redact, takesLazyRequests, type Handler, type Health, type RequestContext } from '../core/index.ts';
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
  /** The whole app: the health endpoints, everything else to the fallback. Counts every request. */
  fetch: Handler;
  /**
   * The health endpoints alone, to mount inside an existing router: a `Response`
   * for a health path, `undefined` for any other (so your router goes on).
   *
   * @example
   * ```ts
   * // itty-router: a handler that returns nothing lets the next route answer.
   * router.all('/health/*', (request, env, ctx) => health.handle(request, ctx));
   * // Hono
   * app.use('/health/*', async (c, next) => (await health.handle(c.req.raw, c.executionCtx)) ?? next());
   * ```
   */
  handle: (request: Request, context?: RequestContext) => Promise<Response | undefined>;
}

type Args = [context: RequestContext | undefined];

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
  const fallback: Handler =
    options.fallback ?? (async (request) => errorResponse(404, `Not found: ${new URL(request.url).pathname}. Try ${base}/live, ${base}/ready or ${base}/startup.`));
  const failed = internalError(options.onError ?? ((message: string) => console.error(message)));
  const { route, direct } = healthRoutes(health, base, failed, options);
  const { requests } = health.lifecycle;
  const app: Handler = async (request, context) => {
    try {
      // Why the real request: the fallback is the user's app, which may clone it or read its body.
      return (await route(request, context)) ?? (await fallback(realRequest(request), context));
    } catch (error) {
      return failed(error);
    }
  };

  return {
    fetch: takesLazyRequests((request: Request, context?: RequestContext) => {
      // Why not async: a probe's answer passes through enough promises already.
      // Why: Deno and Bun hand over a Request whose url does not parse when the Host
      // header is not a host (`Host: a b`); every `new URL(request.url)` would throw.
      // An adapter's lazy request carries a URL the adapter has parsed already.
      if (!isLazyRequest(request) && !URL.canParse(request.url)) return Promise.resolve(errorResponse(400, 'The Host header or the request target is not valid.'));
      // Why here: every platform's entry goes through this handler, so each request is counted once.
      // Why only a `Request` (an adapter's lazy one is one too, by its prototype): its `url` is a parsed and
      // serialized URL, whose path is the text after the host, with no `\`, dot segment or tab left to resolve.
      const core = request instanceof Request && request.method === 'GET' && direct.get(pathOf(request.url));
      return requests.track(request, core ? () => core(request, context) : () => app(request, context));
    }),
    async handle(request, context) {
      if (!URL.canParse(request.url)) return undefined;
      const path = new URL(request.url).pathname;
      if (path !== (base || '/') && !path.startsWith(`${base}/`)) return undefined;
      return requests.track(request, () => route(request, context));
    },
  };
}

interface HealthRoutes {
  /** The health endpoints alone: `undefined` for any other path. */
  route: (request: Request, context?: RequestContext) => Promise<Response | undefined>;
  /** The core GET routes' handlers (errors answered) by exact path, for a request to skip itty. */
  direct: Map<string, Handler>;
}

/** The itty router of the health endpoints, and the core routes it would pick by their exact paths. */
function healthRoutes(health: Health, base: string, failed: (error: unknown) => Response, options: Pick<HealthRouterOptions, 'routes' | 'navigation'>): HealthRoutes {
  const router = Router<IRequest, Args>({ catch: failed });
  const methodNotAllowed = (request: IRequest): Response =>
    errorResponse(405, `Method ${request.method} is not allowed here; use GET or HEAD.`, { Allow: ALLOW });
  type Route = [string, (request: IRequest, context: RequestContext | undefined) => Promise<Response>];
  const coreRoutes: Route[] = [
    ['/live', (request, context) => health.live(request, context)],
    ['/ready', (request, context) => health.ready(request, context)],
    ['/ready/:check', (request, context) => health.ready(request, context, safeDecode(request.params.check ?? ''))],
    ['/startup', (request, context) => health.startup(request, context)],
  ];
  const routes: Route[] = [
    ...coreRoutes,
    ...Object.entries(options.routes ?? {}).map(([suffix, handle]): Route => [suffix, (request, context) => own(handle)(request, context)]),
    ['', (request, context) => (options.navigation && isDocumentNavigation(request) ? own(options.navigation)(request, context) : health.ready(request, context))],
  ];
  // The exact paths of the core GET routes, answered without itty's URL parse, route scan and async
  // layers for a request naming one exactly: a probe's usual case, where these are a fair share of its
  // cost (on Node and in workerd). Why only the core routes, under a base with no pattern characters:
  // nothing before them can match their paths, and their handlers read nothing itty adds to a request
  // (`query`, `params`).
  const direct = new Map<string, Handler>();
  for (const [suffix, handle] of coreRoutes) {
    if (PLAIN_BASE.test(base) && !suffix.includes(':')) direct.set(base + suffix, (request, context) => handle(request as IRequest, context).catch(failed));
  }
  for (const [suffix, handle] of routes) {
    const path = `${base}${suffix}` || '/';
    router.get(path, handle);
    router.head(path, async (request, context) => withoutBody(await handle(request, context)));
    router.all(path, methodNotAllowed);
  }
  // Why unbound: itty's `fetch` reads its routes from its closure, not from `this`.
  return { direct, route: router.fetch as HealthRoutes['route'] };
}

/** A base itty reads as a plain path: no pattern characters (`:`, `*`, `+`), no empty segment. */
const PLAIN_BASE = /^(?:\/[A-Za-z0-9_.~-]+)*$/;

/**
 * What follows the host in a serialized URL: its path, then its query and fragment if any
 * (so a URL with either names no core path exactly, and goes to itty).
 */
const pathOf = (href: string): string => href.slice(href.indexOf('/', href.indexOf('//') + 2));

/** An unexpected error: reported (redacted), answered with a JSON 500. */
const internalError =
  (onError: (message: string) => void) =>
  (error: unknown): Response => {
    onError(`edge-health: unexpected error: ${redact(error instanceof Error ? (error.stack ?? error.message) : String(error))}`);
    return errorResponse(500, 'Internal error while answering the health check.');
  };

/** A handler given in the options gets a lazy request only if it said it takes one. */
const own =
  (handle: Handler) =>
  (request: IRequest, context?: RequestContext): Promise<Response> =>
    handle(acceptsLazyRequests(handle) ? request : realRequest(request), context);

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
