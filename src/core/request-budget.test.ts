import { describe, expect, it } from 'vitest';
import { requestBudget } from './request-budget.ts';

const budget = (query: string, budgetMs?: number) => requestBudget(new URLSearchParams(query), budgetMs, 60_000);

describe('requestBudget', () => {
  it.each([
    ['', undefined, undefined],
    ['', 3000, 3000],
    ['timeout=1500', undefined, 1500],
    ['timeout=2s', undefined, 2000],
    ['timeout=1500ms', 3000, 1500],
    ['timeout=9000', 3000, 3000],
    ['timeout=999999', undefined, 60_000],
  ])('?%s with a budget of %s ms gives %s ms', (query, budgetMs, expected) => {
    expect(budget(query, budgetMs)).toEqual({ ok: true, ms: expected });
  });

  it.each(['timeout=', 'timeout=0', 'timeout=-5', 'timeout=1.5', 'timeout=2m', 'timeout=abc', 'timeout=99999999999'])('rejects ?%s with a readable message', (query) => {
    const result = budget(query);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^timeout must be a positive whole number of milliseconds/);
  });
});
