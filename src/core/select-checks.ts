import type { QueryReader } from './shortcuts.ts';
import type { Check } from './types.ts';

export type Selection =
  | { ok: true; checks: readonly Check[] }
  | { ok: false; httpStatus: 400 | 404; error: string };

const MAX_NAMES = 64;

/** Applies `?exclude=a,b` (repeatable) and a single-check path to the registered checks. */
export function selectChecks(checks: readonly Check[], params: QueryReader, only?: string): Selection {
  const known = new Set(checks.map((c) => c.name));
  if (only !== undefined) {
    const name = safeName(only);
    if (!known.has(only)) return { ok: false, httpStatus: 404, error: `No check is named ${name}. Known checks: ${list(known)}.` };
    return { ok: true, checks: checks.filter((c) => c.name === only) };
  }
  // Why first: a probe's usual case, answered without building the name sets.
  if (!params.has('exclude')) return { ok: true, checks };
  const excluded = params
    .getAll('exclude')
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
  if (excluded.length > MAX_NAMES) return { ok: false, httpStatus: 400, error: `Too many names in exclude (at most ${MAX_NAMES}).` };
  const unknown = excluded.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    return {
      ok: false,
      httpStatus: 400,
      error: `Cannot exclude ${unknown.map(safeName).join(', ')}: no such check. Known checks: ${list(known)}.`,
    };
  }
  const skip = new Set(excluded);
  return { ok: true, checks: checks.filter((c) => !skip.has(c.name)) };
}

const safeName = (name: string): string => JSON.stringify(name.length > 64 ? `${name.slice(0, 64)}…` : name);
const list = (names: Set<string>): string => (names.size === 0 ? '(none)' : [...names].join(', '));
