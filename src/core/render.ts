import type { IsolateFacts } from './isolate.ts';
import { respond } from './respond.ts';
import { withRotationField, withRotationJson, withRotationLine } from './rotation-token.ts';
import { headerOf, searchParamsOf } from './shortcuts.ts';
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

/**
 * The seed design's JSON, extended only with optional fields; an answer that
 * keeps the service in rotation leads with the in-rotation token.
 */
export const renderSeedJson = (summary: HealthSummary): Record<string, unknown> => withRotationField(summary.httpStatus, seedBody(summary));

/** The seed JSON before the in-rotation token's field and scrub. */
function seedBody(summary: HealthSummary): Record<string, unknown> {
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

/**
 * The IETF draft "Health Check Response Format for HTTP APIs"
 * (`application/health+json`, draft-inadarei-api-health-check). Each check's
 * `time` is when its result was made (`now` less its age), `output` is left out
 * on `pass` as the draft asks, and the in-rotation token leads a 200.
 */
export const renderHealthJson = (summary: HealthSummary, now: number): Record<string, unknown> =>
  withRotationField(summary.httpStatus, healthJsonBody(summary, now));

/** The health+json body before the in-rotation token's field and scrub. */
function healthJsonBody(summary: HealthSummary, now: number): Record<string, unknown> {
  const status = ietfStatus(summary);
  const checks: Record<string, unknown[]> = {};
  for (const report of summary.dependencies) checks[`${report.name}:responseTime`] = [ietfCheck(report, now)];
  const notes = [
    ...(summary.ageMs === undefined ? [] : [`check results reused: made ${summary.ageMs} ms before this answer`]),
    ...(summary.sharing === undefined ? [] : [`results shared: ${summary.sharing}`]),
  ];
  const body: Record<string, unknown> = { status, version: summary.version, description: `${summary.endpoint} ${summary.status}` };
  if (summary.message !== undefined && status !== 'pass') body.output = summary.message;
  if (notes.length > 0) body.notes = notes;
  body.checks = checks;
  return body;
}

function ietfStatus(summary: HealthSummary): 'pass' | 'warn' | 'fail' {
  if (summary.status in IETF_STATUS) return IETF_STATUS[summary.status as CheckStatus];
  return summary.httpStatus < 400 ? 'pass' : 'fail';
}

function ietfCheck(report: CheckReport, now: number): Record<string, unknown> {
  const status = IETF_STATUS[report.status];
  return {
    componentId: report.name,
    ...(report.componentType === undefined ? {} : { componentType: report.componentType }),
    status,
    observedValue: report.latencyMs,
    observedUnit: 'ms',
    time: new Date(now - (Number.isFinite(report.ageMs) ? (report.ageMs as number) : 0)).toISOString(),
    ...(report.message === undefined || status === 'pass' ? {} : { output: report.message }),
    affectsServiceHealth: report.category === 'critical',
  };
}

/**
 * Kubernetes' `?verbose` text: one `[+]name ok` / `[-]name failed: reason` line
 * per check, after an `in_rotation: <token>` line on a 200.
 */
export function renderVerboseText(summary: HealthSummary): string {
  const lines = summary.dependencies.map((report) =>
    report.status === 'healthy'
      ? `[+]${report.name} ok`
      : `[${report.status === 'degraded' ? '~' : '-'}]${report.name} ${report.status}${verboseReason(report)}`,
  );
  const verdict = summary.httpStatus < 400 ? 'passed' : 'failed';
  lines.push(`${summary.endpoint} check ${verdict}: ${summary.status}`);
  return withRotationLine(summary.httpStatus, `${lines.join('\n')}\n`);
}

/**
 * Renders a summary in the format the request asks for: `?verbose` text,
 * `application/health+json` by `Accept`, or the seed JSON, each led by the
 * in-rotation token on a 200 and free of it otherwise. A reused result
 * carries its age in an `Age` header (whole seconds).
 */
export function renderResponse(request: Request, summary: HealthSummary): Response {
  const { httpStatus } = summary;
  const fields = answerFields(summary);
  if (searchParamsOf(request).has('verbose')) return respond(renderVerboseText(summary), httpStatus, 'text/plain; charset=utf-8', fields);
  if (headerOf(request, 'accept')?.includes('application/health+json')) {
    return respond(withRotationJson(httpStatus, healthJsonBody(summary, Date.now())), httpStatus, 'application/health+json; charset=utf-8', fields);
  }
  return respond(withRotationJson(httpStatus, seedBody(summary)), httpStatus, 'application/json; charset=utf-8', fields);
}

/**
 * The answer's own header fields, given when it is made. Why not set after:
 * that turns the fields of an adapter's light answer into a `Headers`.
 */
function answerFields(summary: HealthSummary): Record<string, string> | undefined {
  const { ageMs, retryAfterS, httpStatus, dependencies } = summary;
  const fields: Record<string, string> = {};
  if (ageMs !== undefined) fields.Age = String(Math.floor(ageMs / 1000));
  if (retryAfterS !== undefined && httpStatus === 503) fields['Retry-After'] = String(retryAfterS);
  if (dependencies.length > 0) fields['Server-Timing'] = serverTiming(dependencies);
  return Object.keys(fields).length > 0 ? fields : undefined;
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
