import { httpCheck, type HttpCheckOptions } from '../checks/http/index.ts';
import type { Check } from '../core/index.ts';
import { built, wholeNumberOf, type EnvReader } from './env-reader.ts';
import { jsonArrayFromEnv } from './json-problem.ts';

export const HTTP_CHECKS_VAR = 'HEALTH_HTTP_CHECKS';
/** Each entry's fields, by the `httpCheck` option they set. */
const FIELDS: Readonly<Record<string, string>> = {
  name: 'name',
  url: 'url',
  category: 'category',
  timeoutMs: 'timeout_ms',
  slowMs: 'slow_ms',
  method: 'method',
  expectStatus: 'expect_status',
  headers: 'headers',
  followRedirects: 'follow_redirects',
};
const KNOWN_KEYS = Object.values(FIELDS);

/**
 * `HEALTH_HTTP_CHECKS`: a JSON array of `{ name, url, category?, timeout_ms?, slow_ms?, method?,
 * expect_status?, headers?, follow_redirects? }`, or a comma-separated list of URLs
 * (each named after its host, critical, 5 s). `httpCheck` validates each entry.
 */
export function httpChecksFromEnv(env: EnvReader): Check[] {
  const raw = env.string(HTTP_CHECKS_VAR);
  if (raw === undefined) return [];
  const entries = /^[[{]/.test(raw) ? jsonArrayFromEnv(env, HTTP_CHECKS_VAR, raw) : raw.split(/[\s,]+/).filter(Boolean);
  const checks: Check[] = [];
  const hostNames = new Map<string, number>();
  entries.forEach((entry, index) => {
    const label = `${HTTP_CHECKS_VAR}[${index}]`;
    const fields = typeof entry === 'string' ? { url: entry } : entry;
    if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
      env.problems.push(`${label} must be a URL string or an object with name and url.`);
      return;
    }
    const options = optionsOf(env, label, fields as Record<string, unknown>);
    const labelOf = (option: string): string => `${label}.${FIELDS[option] ?? option}`;
    const check = built(env.problems, labelOf, () => httpCheck({ ...options, name: options.name ?? nameAfterHost(options.url, hostNames) }));
    if (check) checks.push(check);
  });
  return checks;
}

/** The entry as `httpCheck` options, unvalidated; unknown keys are problems (by position: a key may be a value pasted in the wrong place). */
function optionsOf(env: EnvReader, label: string, fields: Record<string, unknown>): Omit<HttpCheckOptions, 'name'> & { name?: string } {
  Object.keys(fields).forEach((key, position) => {
    if (!KNOWN_KEYS.includes(key)) env.problems.push(`${label} has an unknown key (key ${position + 1}); known keys: ${KNOWN_KEYS.join(', ')}.`);
  });
  const options: Record<string, unknown> = {};
  for (const [option, field] of Object.entries(FIELDS)) {
    if (fields[field] !== undefined) options[option] = fields[field];
  }
  if (options.timeoutMs !== undefined) options.timeoutMs = wholeNumberOf(options.timeoutMs);
  if (options.slowMs !== undefined) options.slowMs = wholeNumberOf(options.slowMs);
  options.followRedirects = fields.follow_redirects === true;
  return options as Omit<HttpCheckOptions, 'name'> & { name?: string };
}

/**
 * `api.example.com`, then `api.example.com-2`, … for URLs given without a name.
 * An unparsable URL gets no name here: `httpCheck` reports the URL.
 */
function nameAfterHost(url: unknown, seen: Map<string, number>): string {
  const host = URL.canParse(String(url)) ? new URL(String(url)).hostname : '';
  const count = (seen.get(host) ?? 0) + 1;
  seen.set(host, count);
  return count === 1 ? host : `${host}-${count}`;
}

