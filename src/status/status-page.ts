import { errorResponse, jsonResponse, HEALTH_HEADERS, takesLazyRequests, withRotationField, type Handler, type Health } from '../core/index.ts';
import { renderStatusPage } from './render-status-page.ts';
import { statusData, type CheckMemory } from './status-data.ts';

export interface StatusPageOptions {
  /** The router's base path. @default '/health' */
  base?: string;
  /** Where each check's history comes from: a `HealthMetrics` fits. @default none (shown as "not recorded") */
  history?: { check(name: string): CheckMemory | undefined };
  /** Who sees messages: the same rule as `createHealth`'s `revealDetails`. @default everyone */
  authorize?: (request: Request) => boolean;
  /** @default 5000 */
  refreshMs?: number;
}

/**
 * `GET <base>/status`: a page for people, refreshed in place from the same URL
 * with `Accept: application/json`. It shows what readiness shows this caller,
 * plus each check's result age and last change, and nothing more. Like
 * readiness, a 200 (page or data) carries the in-rotation token first.
 *
 * @example
 * ```ts
 * const page = statusPage(health, { history: metrics });
 * createHealthRouter(health, { routes: { '/status': page }, navigation: page });
 * ```
 */
export function statusPage(health: Health, options: StatusPageOptions = {}): Handler {
  const base = (options.base ?? '/health').replace(/\/+$/, '');
  const refreshMs = options.refreshMs ?? 5000;
  return takesLazyRequests(async (request: Request): Promise<Response> => {
    const accept = request.headers.get('Accept') ?? '';
    if (accept.includes('application/health+json')) return errorResponse(406, 'The status page answers HTML, or its data with Accept: application/json; for application/health+json ask /ready.');
    if (new URL(request.url).searchParams.has('verbose')) return errorResponse(400, 'The status page takes no ?verbose; ask /ready?verbose for the text form.');
    const ready = await health.ready(request);
    // A refused selection (?exclude=nope) is readiness's own 4xx, passed on as it is.
    if (ready.status !== 200 && ready.status !== 503) return ready;
    const details = options.authorize ? options.authorize(request) : true;
    const data = statusData(ready.status, (await ready.json()) as Record<string, unknown>, options.history ? (name) => options.history?.check(name) : undefined, Date.now(), details);
    if (accept.includes('application/json') && !accept.includes('text/html')) return jsonResponse(withRotationField(ready.status, { ...data }), ready.status);
    const nonce = newNonce();
    const html = renderStatusPage(data, { nonce, endpoint: `${base}/status`, refreshMs, readyPath: `${base}/ready` });
    return new Response(html, { status: ready.status, headers: pageHeaders(nonce) });
  });
}

/**
 * Nothing loads from elsewhere and nothing runs but this response's own inline
 * script and style; the page may only fetch from its own origin.
 */
export function pageHeaders(nonce: string): Record<string, string> {
  return {
    ...HEALTH_HEADERS,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    Vary: 'Accept, Authorization, Sec-Fetch-Mode, Sec-Fetch-Dest',
  };
}

function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(18))));
}
