import type { IncomingMessage, ServerResponse } from 'node:http';
import { toRequest, writeResponse } from '../../adapters/node/index.ts';
import type { Health } from '../../core/index.ts';
import { createMountedRouter, type MountedRouterOptions } from '../mounted-router.ts';

/** What Express adds to a node:http request, as far as this middleware reads it. */
export interface MountedRequest extends IncomingMessage {
  /** The URL as the client sent it (Express strips the mount path from `url`). */
  originalUrl?: string;
  /** Where the middleware is mounted, e.g. `/health`. */
  baseUrl?: string;
}

/** An Express (4 or 5) middleware; any framework that passes node:http objects and `next` can use it. */
export type HealthMiddleware = (req: MountedRequest, res: ServerResponse, next: (error?: unknown) => void) => void;

/**
 * Express middleware answering the health endpoints under its mount path; other
 * paths go on to `next()`. Built on the Node adapter's `toRequest`/`writeResponse`.
 *
 * @example
 * ```ts
 * const health = createHealth({ checks: [httpCheck({ name: 'api', url: process.env.API_URL! })] });
 * app.use('/health', healthMiddleware(health));
 * ```
 */
export function healthMiddleware(health: Health, options: MountedRouterOptions = {}): HealthMiddleware {
  const mounted = createMountedRouter(health, { ...options, fallThrough: true });
  return (req, res, next) => {
    const request = toRequest(req, res);
    // A Response already: the 4xx for a request no fetch Request can carry (TRACE, a bad Host).
    const answered = request instanceof Response ? Promise.resolve(request) : mounted(atUrl(request, req.originalUrl ?? req.url ?? '/'), req.baseUrl ?? '');
    answered.then((response) => (response ? writeResponse(response, res) : next())).catch(next);
  };
}

/** The same request at another path of its origin (the one before Express stripped the mount). */
function atUrl(request: Request, path: string): Request {
  return new Request(new URL(path, request.url), request);
}
