import type { CheckResult } from './types.ts';

/** What `expectStatus` accepts: one status, a list, or a predicate. */
export type ExpectStatus = number | readonly number[] | ((status: number) => boolean);

/** Turns an `expectStatus` option into a predicate; any 2xx when it is not given. */
export function statusExpectation(expect?: ExpectStatus): (status: number) => boolean {
  if (expect === undefined) return (status) => status >= 200 && status < 300;
  if (typeof expect === 'function') return expect;
  const allowed = new Set(typeof expect === 'number' ? [expect] : expect);
  return (status) => allowed.has(status);
}

/**
 * The HTTP status rules every fetch-based check shares: an expected status is
 * healthy, 5xx is unhealthy, anything else is degraded with `HTTP <code>`.
 */
export function statusFromHttp(code: number, isExpected: (status: number) => boolean = statusExpectation()): CheckResult {
  const details = { status_code: code };
  if (isExpected(code)) return { status: 'healthy', details };
  return { status: code >= 500 ? 'unhealthy' : 'degraded', reason: 'http_status', message: `HTTP ${code}`, details };
}
