import { httpCheck } from '../checks/http/index.ts';
import { CHECK_NAME_PATTERN, DEFAULT_TIMEOUT_MS, type Check, type CheckCategory } from '../core/index.ts';
import type { EnvReader } from './env-reader.ts';

export const HTTP_CHECKS_VAR = 'HEALTH_HTTP_CHECKS';
const DEFAULT_CATEGORY: CheckCategory = 'critical';
const KNOWN_KEYS = new Set(['name', 'url', 'category', 'timeout_ms', 'method', 'expect_status', 'headers', 'follow_redirects']);

/**
 * `HEALTH_HTTP_CHECKS`: a JSON array of `{ name, url, category?, timeout_ms?, method?,
 * expect_status?, headers?, follow_redirects? }`, or a comma-separated list of URLs
 * (each named after its host, critical, 5 s).
 */
export function httpChecksFromEnv(env: EnvReader): Check[] {
  const raw = env.string(HTTP_CHECKS_VAR);
  if (raw === undefined) return [];
  const entries = raw.startsWith('[') ? parseJson(env, raw) : raw.split(/[\s,]+/).filter(Boolean);
  const checks: Check[] = [];
  const hostNames = new Map<string, number>();
  entries.forEach((entry, index) => {
    const label = `${HTTP_CHECKS_VAR}[${index}]`;
    const spec = typeof entry === 'string' ? { url: entry } : entry;
    if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
      env.problems.push(`${label} must be a URL string or an object with name and url.`);
      return;
    }
    const fields = spec as Record<string, unknown>;
    for (const key of Object.keys(fields)) {
      if (!KNOWN_KEYS.has(key)) env.problems.push(`${label} has an unknown key ${JSON.stringify(key)} (known: ${[...KNOWN_KEYS].join(', ')}).`);
    }
    const url = env.checkUrl(`${label}.url`, fields.url);
    if (!url) return;
    const name = fields.name === undefined ? nameAfterHost(url, hostNames) : fields.name;
    if (typeof name !== 'string' || !CHECK_NAME_PATTERN.test(name)) {
      env.problems.push(`${label}.name must be 1-63 letters, digits, '_', '.', ':' or '-'.`);
      return;
    }
    const category = fields.category === undefined ? DEFAULT_CATEGORY : fields.category;
    if (category !== 'critical' && category !== 'non-critical') {
      env.problems.push(`${label}.category must be "critical" or "non-critical" (got ${JSON.stringify(category)}).`);
      return;
    }
    const timeoutMs = fields.timeout_ms === undefined ? DEFAULT_TIMEOUT_MS : env.checkMilliseconds(`${label}.timeout_ms`, fields.timeout_ms, DEFAULT_TIMEOUT_MS);
    const expectStatus = parseExpectStatus(env, label, fields.expect_status);
    const headers = parseHeaders(env, label, fields.headers);
    if (fields.method !== undefined && (typeof fields.method !== 'string' || !/^[A-Za-z]+$/.test(fields.method))) {
      env.problems.push(`${label}.method must be an HTTP method such as "GET" or "HEAD".`);
      return;
    }
    checks.push(
      httpCheck({
        name,
        url,
        category,
        timeoutMs,
        followRedirects: fields.follow_redirects === true,
        ...(typeof fields.method === 'string' ? { method: fields.method } : {}),
        ...(expectStatus ? { expectStatus } : {}),
        ...(headers ? { headers } : {}),
      }),
    );
  });
  return checks;
}

/** `api.example.com`, then `api.example.com-2`, … for URLs given without a name. */
function nameAfterHost(url: URL, seen: Map<string, number>): string {
  const count = (seen.get(url.hostname) ?? 0) + 1;
  seen.set(url.hostname, count);
  return count === 1 ? url.hostname : `${url.hostname}-${count}`;
}

function parseJson(env: EnvReader, raw: string): unknown[] {
  try {
    const value: unknown = JSON.parse(raw);
    if (Array.isArray(value)) return value;
  } catch (error) {
    env.problems.push(`${HTTP_CHECKS_VAR} is not valid JSON (${error instanceof Error ? error.message : 'parse error'}).`);
    return [];
  }
  env.problems.push(`${HTTP_CHECKS_VAR} must be a JSON array.`);
  return [];
}

function parseExpectStatus(env: EnvReader, label: string, value: unknown): number[] | undefined {
  if (value === undefined) return undefined;
  const list = Array.isArray(value) ? value : [value];
  if (list.length > 0 && list.every((n) => Number.isInteger(n) && n >= 100 && n <= 599)) return list as number[];
  env.problems.push(`${label}.expect_status must be a status code or a list of status codes (100-599).`);
  return undefined;
}

function parseHeaders(env: EnvReader, label: string, value: unknown): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string')) {
    return value as Record<string, string>;
  }
  env.problems.push(`${label}.headers must be an object of string values.`);
  return undefined;
}
