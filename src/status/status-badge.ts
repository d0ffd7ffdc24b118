import { takesLazyRequests, type Handler, type Health } from '../core/index.ts';
import { renderBadge } from './render-badge.ts';

export interface StatusBadgeOptions {
  /**
   * How long browsers and image proxies may reuse the badge, in seconds.
   * @default 5
   */
  maxAgeSeconds?: number;
  /** The badge's left-hand text. @default 'health' */
  label?: string;
}

/**
 * `GET <base>/badge.svg`: readiness as an SVG badge for READMEs and dashboards.
 * Always 200 (an image proxy shows a broken image for an error status); the
 * status is in the picture. The only cacheable answer here, and on purpose:
 * a badge is watched by many people through shared image proxies (GitHub's
 * camo), never by a probe, and carries nothing but the status word, so a few
 * seconds of sharing spares the dependencies at no cost in truth.
 *
 * @example
 * ```ts
 * createHealthRouter(health, { routes: { '/badge.svg': statusBadge(health) } });
 * ```
 */
export function statusBadge(health: Health, options: StatusBadgeOptions = {}): Handler {
  const maxAge = options.maxAgeSeconds ?? 5;
  return takesLazyRequests(async (request: Request): Promise<Response> => {
    const ready = await health.ready(request);
    const body = (await ready.json().catch(() => ({}))) as { status?: unknown };
    const status = typeof body.status === 'string' ? body.status : 'unknown';
    return new Response(renderBadge(status, options.label), {
      status: 200,
      headers: {
        'Content-Type': 'image/svg+xml; charset=utf-8',
        'Cache-Control': `public, max-age=${maxAge}`,
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}
