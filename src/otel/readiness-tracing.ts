import { context, SpanStatusCode, trace, type Attributes, type Tracer } from '@opentelemetry/api';
import { aggregate, type CheckReport, type ReadinessObserver } from '../core/index.ts';

export interface ReadinessTracingOptions {
  /**
   * Where spans go.
   * @default the global tracer provider's `edge-health` tracer, looked up per answer (a no-op until an SDK registers one)
   */
  tracer?: Tracer;
}

/**
 * A readiness hook that records one span per readiness answer
 * (`edge-health.readiness`) and, for a fresh run, one child span per check
 * (`edge-health.check <name>`) with its status, category, reason and latency.
 * Only `@opentelemetry/api` is used: without an SDK every call is a no-op.
 *
 * Why after the fact, with explicit times: the hook sees the reports once the
 * run is over, which keeps tracing out of the core. The spans carry the real
 * start and end times, but a driver's own spans (a fetch) are not their children.
 *
 * @example
 * ```ts
 * const health = createHealth({ checks, onReadiness: readinessTracing() });
 * ```
 */
export function readinessTracing(options: ReadinessTracingOptions = {}): ReadinessObserver {
  return (observation) => {
    const tracer = options.tracer ?? trace.getTracer('edge-health');
    const cached = observation.ageMs !== undefined;
    const verdict = aggregate(observation.reports);
    const attributes: Attributes = {
      'edge_health.status': verdict.status,
      'edge_health.checks': observation.reports.length,
      'edge_health.cache_hit': cached,
      ...(cached ? { 'edge_health.result_age_ms': observation.ageMs } : {}),
    };
    const run = tracer.startSpan('edge-health.readiness', { startTime: observation.startedAt, attributes });
    if (verdict.status === 'unhealthy') run.setStatus({ code: SpanStatusCode.ERROR, message: verdict.message ?? 'unhealthy' });
    if (!cached) {
      const parent = trace.setSpan(context.active(), run);
      for (const report of observation.reports) recordCheck(tracer, report, observation.startedAt, parent);
    }
    run.end(observation.startedAt + observation.durationMs);
  };
}

function recordCheck(tracer: Tracer, report: CheckReport, startedAt: number, parent: ReturnType<typeof context.active>): void {
  const attributes: Attributes = {
    'edge_health.check.name': report.name,
    'edge_health.check.category': report.category,
    'edge_health.check.status': report.status,
    'edge_health.check.latency_ms': report.latencyMs,
    ...(report.reason === undefined ? {} : { 'edge_health.check.reason': report.reason }),
  };
  const span = tracer.startSpan(`edge-health.check ${report.name}`, { startTime: startedAt, attributes }, parent);
  // Why the reason and not the message: the reason is classified and safe to export; messages may be withheld.
  if (report.status === 'unhealthy') span.setStatus({ code: SpanStatusCode.ERROR, message: report.reason ?? 'error' });
  span.end(startedAt + report.latencyMs);
}
