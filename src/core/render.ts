import type { IsolateFacts } from './isolate.ts';
import { jsonResponse, respond } from './respond.ts';
import { searchParamsOf } from './shortcuts.ts';
import type { CheckReport, CheckStatus } from './types.ts';

/**
 * Everything one health answer says, before it is rendered in a format.
 * `status` is a check verdict, or a lifecycle word such as `not_started`.
 */
export interface HealthSummary {
  endpoint: 'live' | 'ready' | 'startup';
  status: CheckStatus | 'not_started' | 'shutting_down' | 'draining' | 'starting' | 'started' | 'failed' | 'stopped';
  httpStatus: number;
  version: string;
  dependencies: readonly CheckReport[];
  message?: string;
  isolate?: IsolateFacts;
  /** How old reused check results are, when they come from the result cache. */
  ageMs?: number;
  /** When a 503 is known to end (a failed init's next retry, a start in progress), in seconds. */
  retryAfterS?: number;
  /** How check results are shared between isolates, when a shared store says. */
  sharing?: string;
}

/** The seed design's JSON, extended only with optional fields. */
export function renderSeedJson(summary: HealthSummary): Record<string, unknown> {
  const body: Record<string, unknown> = {
    status: summary.status,
    version: summary.version,
    dependencies: summary.dependencies.map((report) => {
      const dependency: Record<string, unknown> = {
        name: report.name,
        status: report.status,
        category: report.category,
        latency_ms: report.latencyMs,
      };
      if (report.message !== undefined) dependency.message = report.message;
      if (report.reason !== undefined) dependency.reason = report.reason;
      if (report.details !== undefined) dependency.details = report.details;
      if (report.ageMs !== undefined) dependency.age_ms = report.ageMs;
      if (report.damping !== undefined) dependency.damping = report.damping;
      return dependency;
    }),
  };
  if (summary.message !== undefined) body.message = summary.message;
  if (summary.sharing !== undefined) body.sharing = summary.sharing;
  if (summary.isolate) body.isolate = summary.isolate;
  return body;
}

const IETF_STATUS: Record<CheckStatus, 'pass' | 'warn' | 'fail'> = {
  healthy: 'pass',
  degraded: 'warn',
  unhealthy: 'fail',
};

/** The IETF draft "Health Check Response Format for HTTP APIs" (`application/health+json`). */
export function renderHealthJson(summary: HealthSummary, time: string): Record<string, unknown> {
  const status =
    summary.status in IETF_STATUS
      ? IETF_STATUS[summary.status as CheckStatus]
      : summary.httpStatus < 400
        ? 'pass'
        : 'fail';
  const checks: Record<string, unknown[]> = {};
  for (const report of summary.dependencies) {
    checks[`${report.name}:responseTime`] = [
      {
        componentId: report.name,
        status: IETF_STATUS[report.status],
        observedValue: report.latencyMs,
        observedUnit: 'ms',
        time,
        ...(report.message === undefined ? {} : { output: report.message }),
        affectsServiceHealth: report.category === 'critical',
      },
    ];
  }
  return {
    status,
    version: summary.version,
    description: `${summary.endpoint} ${summary.status}`,
    ...(summary.message === undefined ? {} : { output: summary.message }),
    ...(summary.sharing === undefined ? {} : { notes: [`results shared: ${summary.sharing}`] }),
    checks,
  };
}

/** Kubernetes' `?verbose` text: one `[+]name ok` / `[-]name failed: reason` line per check. */
export function renderVerboseText(summary: HealthSummary): string {
  const lines = summary.dependencies.map((report) =>
    report.status === 'healthy'
      ? `[+]${report.name} ok`
      : `[${report.status === 'degraded' ? '~' : '-'}]${report.name} ${report.status}${verboseReason(report)}`,
  );
  const verdict = summary.httpStatus < 400 ? 'passed' : 'failed';
  lines.push(`${summary.endpoint} check ${verdict}: ${summary.status}`);
  return `${lines.join('\n')}\n`;
}

/**
 * Renders a summary in the format the request asks for: `?verbose` text,
 * `application/health+json` by `Accept`, or the seed JSON. A reused result
 * carries its age in an `Age` header (whole seconds).
 */
export function renderResponse(request: Request, summary: HealthSummary): Response {
  const response = renderBody(request, summary);
  if (summary.ageMs !== undefined) response.headers.set('Age', String(Math.floor(summary.ageMs / 1000)));
  if (summary.retryAfterS !== undefined && summary.httpStatus === 503) response.headers.set('Retry-After', String(summary.retryAfterS));
  if (summary.dependencies.length > 0) response.headers.set('Server-Timing', serverTiming(summary.dependencies));
  return response;
}

function renderBody(request: Request, summary: HealthSummary): Response {
  const params = searchParamsOf(request);
  if (params.has('verbose')) return respond(renderVerboseText(summary), summary.httpStatus, 'text/plain; charset=utf-8');
  if (request.headers.get('Accept')?.includes('application/health+json')) {
    return jsonResponse(renderHealthJson(summary, new Date().toISOString()), summary.httpStatus, 'application/health+json');
  }
  return jsonResponse(renderSeedJson(summary), summary.httpStatus);
}

/** `Server-Timing`: each check's latency, under its name made a header token (`:` is not one). */
export function serverTiming(reports: readonly CheckReport[]): string {
  return reports.map((report) => `${report.name.replace(/[^A-Za-z0-9_.-]/g, '_')};dur=${report.latencyMs}`).join(', ');
}

/** An unhealthy check always has a reason (`error` at least); a degraded one may have none. */
function verboseReason(report: CheckReport): string {
  const reason = report.reason ?? (report.status === 'unhealthy' ? 'error' : undefined);
  return reason === undefined ? '' : `: ${reason}`;
}
