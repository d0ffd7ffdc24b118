import { CheckOptionError } from './define-check.ts';
import type { CheckResult } from './types.ts';

/** What `expectStatus` accepts: one status, a list, or a predicate. */
export type ExpectStatus = number | readonly number[] | ((status: number) => boolean);

/**
 * Turns an `expectStatus` option into a predicate; any 2xx when it is not given.
 * A value that is no status (configuration is untyped) throws a
 * `CheckOptionError` naming the check, never quoting the value.
 */
export function statusExpectation(expect?: ExpectStatus, check = 'check'): (status: number) => boolean {
  if (expect === undefined) return (status) => status >= 200 && status < 300;
  if (typeof expect === 'function') return expect;
  const list: unknown[] = typeof expect === 'number' ? [expect] : Array.isArray(expect) ? [...(expect as readonly unknown[])] : [];
  if (list.length === 0 || !list.every((n) => Number.isInteger(n) && (n as number) >= 100 && (n as number) <= 599)) {
    throw new CheckOptionError(check, 'expectStatus', 'must be a status code or a list of status codes (100-599)');
  }
  const allowed = new Set(list as number[]);
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
