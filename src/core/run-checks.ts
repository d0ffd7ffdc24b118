import { runCheck } from './run-check.ts';
import type { Check, CheckReport } from './types.ts';

/**
 * Starts every check at once and collects their reports in registration order.
 * Never rejects; finishes by the slowest check's deadline at the latest.
 */
export function runChecks(checks: readonly Check[], signal?: AbortSignal): Promise<CheckReport[]> {
  return Promise.all(checks.map((check) => runCheck(check, signal)));
}
