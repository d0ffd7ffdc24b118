import { ConfigError } from './errors.ts';
import { containsRotationToken } from './rotation-token.ts';
import type { Check, CheckCategory, CheckResult, ComponentType } from './types.ts';

/** The options every check factory accepts. */
export interface CheckOptions {
  /** The name shown in responses; unique within a handler. */
  name: string;
  /**
   * `critical`: down means the service is unhealthy (503).
   * `non-critical`: down only degrades it (200).
   * @default 'critical'
   */
  category?: CheckCategory;
  /**
   * Deadline in whole milliseconds, 1 to 60000; past it the check is reported `unhealthy` (timed out).
   * @default 5000
   */
  timeoutMs?: number;
  /**
   * Latency in milliseconds above which a successful check is `degraded` (reason
   * `slow`): a dependency answering at 95 % of its deadline is not fine.
   * @default none: a success is healthy however long it took
   */
  slowMs?: number;
  /** Values to scrub from messages and details (tokens, passwords). */
  secrets?: readonly string[];
  /**
   * What kind of thing the check watches, shown as `componentType` in
   * `application/health+json`: `datastore`, `system`, `component`, or a
   * well-known term or URI (up to 200 visible ASCII characters).
   * @default the factory's own (`datastore` for databases, caches and stores, `system` for HTTP APIs); none for `defineCheck`
   */
  componentType?: ComponentType;
}

export interface DefineCheckOptions extends CheckOptions {
  run(signal: AbortSignal): Promise<CheckResult> | CheckResult;
}

export const DEFAULT_TIMEOUT_MS = 5000;
/** Longer deadlines are a mistake for a health endpoint: probes give up long before. */
export const MAX_TIMEOUT_MS = 60_000;

/** What a check name may be: it appears in paths (`/health/ready/<name>`) and log lines. */
export const CHECK_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,62}$/;

/** A draft-defined word, a term or a URI: visible ASCII, no spaces. */
const COMPONENT_TYPE_PATTERN = /^[\x21-\x7e]{1,200}$/;

/**
 * An invalid option of a check: names the option and what is expected, never
 * the value given (it may be a mis-pasted secret). Configuration code maps
 * `option` to its own variable or field name.
 */
export class CheckOptionError extends ConfigError {
  /** The option's name in the factory's options, e.g. `timeoutMs`, `url`. */
  readonly option: string;
  /** What a valid value looks like, as the end of a sentence: `must be …`. */
  readonly expected: string;

  constructor(check: unknown, option: string, expected: string) {
    // Why test the name: it may itself be the invalid (never quoted) value.
    super(`${typeof check === 'string' && CHECK_NAME_PATTERN.test(check) ? `Check "${check}"` : 'Check'}: ${option} ${expected}.`);
    this.option = option;
    this.expected = expected;
  }
}

/** Name-based, so that it works across realms (a Worker and its tests). */
export const isCheckOptionError = (error: unknown): error is CheckOptionError =>
  error instanceof Error && error.name === 'ConfigError' && typeof (error as { option?: unknown }).option === 'string';

/**
 * Parses a check's URL option, or throws a `CheckOptionError` that quotes no
 * part of it: `new URL('user:pass@host')` reads `user:` as the scheme.
 */
export function parseCheckUrl(check: unknown, option: string, value: unknown, protocols: readonly string[], expected: string): URL {
  let url: URL | undefined;
  try {
    url = typeof value === 'string' || value instanceof URL ? new URL(String(value)) : undefined;
  } catch {
    url = undefined;
  }
  if (url === undefined || !protocols.includes(url.protocol)) throw new CheckOptionError(check, option, expected);
  return url;
}

/**
 * A URL's user and password, percent-decoded, or a `CheckOptionError` when an
 * escape is malformed (`%zz`), where `decodeURIComponent` would throw a `URIError`.
 */
export function decodedUserInfo(check: unknown, option: string, url: URL): { user: string; password: string } {
  try {
    return { user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
  } catch {
    throw new CheckOptionError(check, option, 'must percent-encode its user and password correctly (a "%" followed by two hex digits)');
  }
}

/**
 * Builds a check from a name, a category, a timeout and a run function. The
 * one validator of these options: it throws a `CheckOptionError` naming the
 * first invalid one.
 *
 * @example
 * ```ts
 * const queue = defineCheck({
 *   name: 'queue',
 *   category: 'non-critical',
 *   timeoutMs: 1000,
 *   run: async (signal) => {
 *     const depth = await queueDepth({ signal });
 *     return depth < 1000 ? { status: 'healthy' } : { status: 'degraded', message: `depth ${depth}` };
 *   },
 * });
 * ```
 */
export function defineCheck(options: DefineCheckOptions): Check {
  const { name, category = 'critical', timeoutMs = DEFAULT_TIMEOUT_MS, slowMs, secrets = [], componentType, run } = options;
  if (typeof name !== 'string' || !CHECK_NAME_PATTERN.test(name)) {
    throw new CheckOptionError(undefined, 'name', "must be 1-63 letters, digits, '_', '.', ':' or '-', starting with a letter or digit");
  }
  // Why: a name is the one supplied text shown as it is (in paths and log lines), so it may not spell the monitors' keyword.
  if (containsRotationToken(name)) throw new CheckOptionError(undefined, 'name', 'must not contain the in-rotation token (ROTATION_TOKEN) that monitors match');
  if (category !== 'critical' && category !== 'non-critical') {
    throw new CheckOptionError(name, 'category', 'must be "critical" or "non-critical"');
  }
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > MAX_TIMEOUT_MS) {
    throw new CheckOptionError(name, 'timeoutMs', `must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}`);
  }
  if (slowMs !== undefined && (!Number.isFinite(slowMs) || slowMs <= 0 || slowMs >= timeoutMs)) {
    throw new CheckOptionError(name, 'slowMs', `must be a number of milliseconds below its timeoutMs (${timeoutMs})`);
  }
  if (componentType !== undefined && (typeof componentType !== 'string' || !COMPONENT_TYPE_PATTERN.test(componentType) || containsRotationToken(componentType))) {
    throw new CheckOptionError(name, 'componentType', 'must be "datastore", "system", "component", or a term or URI of up to 200 visible ASCII characters');
  }
  if (typeof run !== 'function') throw new CheckOptionError(name, 'run', 'must be a function');
  return {
    name,
    category,
    timeoutMs,
    run,
    secrets: secrets.filter((s) => s.length > 0),
    ...(slowMs === undefined ? {} : { slowMs }),
    ...(componentType === undefined ? {} : { componentType }),
  };
}
