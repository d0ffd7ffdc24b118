import type { QueryReader } from './shortcuts.ts';

export type BudgetResult = { ok: true; ms: number | undefined } | { ok: false; error: string };

const TIMEOUT = /^(\d{1,7})(ms|s)?$/;

/**
 * The time one readiness request may take: the deployment's budget, or less
 * when the caller asks with `?timeout=` (milliseconds, or `2s`). A caller may
 * shorten the budget, never lengthen it past `capMs`.
 */
export function requestBudget(params: QueryReader, budgetMs: number | undefined, capMs: number): BudgetResult {
  const asked = params.get('timeout');
  if (asked === null) return { ok: true, ms: budgetMs };
  const match = TIMEOUT.exec(asked.trim());
  const ms = match ? Number(match[1]) * (match[2] === 's' ? 1000 : 1) : NaN;
  if (!(ms >= 1)) {
    return {
      ok: false,
      error: `timeout must be a positive whole number of milliseconds, or of seconds with "s" (e.g. ?timeout=2000 or ?timeout=2s); got ${JSON.stringify(asked.slice(0, 32))}.`,
    };
  }
  return { ok: true, ms: Math.min(ms, budgetMs ?? capMs, capMs) };
}
