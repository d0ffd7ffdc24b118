import { classifyError } from './classify-error.ts';
import { raceDeadline } from './deadline.ts';
import { redact, redactDeep } from './redact.ts';
import { timeoutError } from './timeout-error.ts';
import type { Check, CheckReport, CheckResult, CheckStatus } from './types.ts';

const STATUSES: ReadonlySet<CheckStatus> = new Set(['healthy', 'degraded', 'unhealthy']);

// Why one shared reason: `abort()` without one builds a DOMException, stack trace
// included, for every check of every probe (a fifth of a readiness probe's CPU in
// a profile). Work a check left running still sees an AbortError.
let finished: DOMException | undefined;

function validResult(value: unknown): CheckResult {
  if (
    typeof value === 'object' &&
    value !== null &&
    STATUSES.has((value as CheckResult).status)
  ) {
    return value as CheckResult;
  }
  return {
    status: 'unhealthy',
    reason: 'error',
    message: 'check returned no valid result (expected { status: "healthy" | "degraded" | "unhealthy" })',
  };
}

/**
 * Runs one check under its deadline, combined with the caller's signal.
 *
 * Resolves by the deadline at the latest, even if the check ignores its signal,
 * and never rejects: a throw, a rejection or a malformed result is `unhealthy`.
 */
export async function runCheck(check: Check, parent?: AbortSignal): Promise<CheckReport> {
  const controller = new AbortController();
  const started = performance.now();
  const attempt = (async () => validResult(await check.run(controller.signal)))().catch(
    (error: unknown): CheckResult => ({
      status: 'unhealthy',
      ...classifyError(controller.signal.aborted ? (controller.signal.reason ?? error) : error),
    }),
  );
  // Why: the deadline settles the race itself instead of relying on the check to
  // honour its signal; a check that hangs cannot hold the response.
  const result = await raceDeadline(attempt, {
    ms: check.timeoutMs,
    onTimeout: (): CheckResult => {
      const reason = timeoutError(check.timeoutMs);
      controller.abort(reason);
      return { status: 'unhealthy', reason: 'timeout', message: reason.message };
    },
    signal: parent,
    onAbort: (): CheckResult => {
      controller.abort(parent?.reason);
      return { status: 'unhealthy', reason: 'aborted', message: 'request aborted before the check finished' };
    },
  });
  // Why: whatever the check left running (a fetch, a driver retry) is cancelled now.
  if (!controller.signal.aborted) controller.abort((finished ??= new DOMException('the check has finished', 'AbortError')));

  const latencyMs = Math.round(performance.now() - started);
  return toReport(check, slowIsDegraded(check, result, latencyMs), latencyMs);
}

/** A success slower than the check's `slowMs` is `degraded`, reason `slow`. */
function slowIsDegraded(check: Check, result: CheckResult, latencyMs: number): CheckResult {
  if (result.status !== 'healthy' || check.slowMs === undefined || latencyMs <= check.slowMs) return result;
  return { ...result, status: 'degraded', reason: 'slow', message: `answered in ${latencyMs} ms, above its ${check.slowMs} ms threshold` };
}

function toReport(check: Check, result: CheckResult, latencyMs: number): CheckReport {
  const { secrets } = check;
  const report: CheckReport = {
    name: check.name,
    category: check.category,
    status: result.status,
    latencyMs,
  };
  if (check.componentType !== undefined) report.componentType = check.componentType;
  if (typeof result.message === 'string' && result.message !== '') {
    report.message = redact(result.message, secrets);
  }
  // Why not for a degraded check that gave none: `error` would say it failed, which it did not.
  const reason = result.reason ?? (result.status === 'unhealthy' ? 'error' : undefined);
  if (result.status !== 'healthy' && reason !== undefined) report.reason = reason;
  if (result.details && typeof result.details === 'object') {
    report.details = redactDeep(result.details, secrets) as Record<string, unknown>;
  }
  return report;
}
