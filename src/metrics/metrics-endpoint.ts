import { errorResponse, HEALTH_HEADERS, takesLazyRequests, type Handler, type Lifecycle } from '../core/index.ts';
import type { HealthMetrics } from './health-metrics.ts';
import { renderPrometheus } from './render-prometheus.ts';

export interface MetricsEndpointOptions {
  metrics: HealthMetrics;
  /** The isolate whose lifecycle and facts are shown. */
  lifecycle: Lifecycle;
  /** @default 'unknown' */
  version?: string;
  /**
   * Who may scrape: the same rule as the details (`HEALTH_DETAILS_TOKEN`).
   * @default everyone
   */
  authorize?: (request: Request) => boolean;
}

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/**
 * `GET <base>/metrics`: this isolate's numbers in the Prometheus text format.
 *
 * @example
 * ```ts
 * const metrics = new HealthMetrics();
 * const health = createHealth({ checks, onReadiness: metrics.observe });
 * createHealthRouter(health, { routes: { '/metrics': metricsEndpoint({ metrics, lifecycle: health.lifecycle }) } });
 * ```
 */
export function metricsEndpoint(options: MetricsEndpointOptions): Handler {
  return takesLazyRequests(async (request: Request): Promise<Response> => {
    if (options.authorize && !options.authorize(request)) {
      return errorResponse(401, 'Metrics need the details token: send "Authorization: Bearer <HEALTH_DETAILS_TOKEN>".', {
        'WWW-Authenticate': 'Bearer realm="edge-health"',
      });
    }
    const { metrics, lifecycle } = options;
    const body = renderPrometheus({
      checks: metrics.checks(),
      runs: metrics.runs,
      cacheHits: metrics.cacheHits,
      callsSaved: metrics.callsSaved,
      isolate: lifecycle.facts(false),
      version: options.version ?? 'unknown',
    });
    return new Response(body, { status: 200, headers: { ...HEALTH_HEADERS, 'Content-Type': PROMETHEUS_CONTENT_TYPE } });
  });
}
