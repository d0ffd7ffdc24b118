import { runCheck } from './run-check.ts';
import type { Check, CheckReport } from './types.ts';

/**
 * Starts every check at once and collects their reports in registration order.
 * Never rejects; finishes by the slowest check's deadline at the latest.
 * `onReport` hears each report as soon as its check is done.
 */
export function runChecks(
  checks: readonly Check[],
  signal?: AbortSignal,
  onReport?: (index: number, report: CheckReport) => void,
): Promise<CheckReport[]> {
  return Promise.all(
    checks.map(async (check, index) => {
      const report = await runCheck(check, signal);
      onReport?.(index, report);
      return report;
    }),
  );
}
