import { ConfigError } from './errors.ts';
import type { Check, CheckCategory, CheckResult } from './types.ts';

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
   * Deadline in milliseconds; past it the check is reported `unhealthy` (timed out).
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
}

export interface DefineCheckOptions extends CheckOptions {
  run(signal: AbortSignal): Promise<CheckResult> | CheckResult;
}

export const DEFAULT_TIMEOUT_MS = 5000;
/** Longer deadlines are a mistake for a health endpoint: probes give up long before. */
export const MAX_TIMEOUT_MS = 60_000;

/** What a check name may be: it appears in paths (`/health/ready/<name>`) and log lines. */
export const CHECK_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,62}$/;

/**
 * Builds a check from a name, a category, a timeout and a run function.
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
  const { name, category = 'critical', timeoutMs = DEFAULT_TIMEOUT_MS, slowMs, secrets = [], run } = options;
  if (typeof name !== 'string' || !CHECK_NAME_PATTERN.test(name)) {
    throw new ConfigError(
      `Check name ${JSON.stringify(name)} is invalid: use 1-63 letters, digits, '_', '.', ':' or '-', starting with a letter or digit.`,
    );
  }
  if (category !== 'critical' && category !== 'non-critical') {
    throw new ConfigError(
      `Check "${name}": category must be 'critical' or 'non-critical', got ${JSON.stringify(category)}.`,
    );
  }
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0 || timeoutMs > MAX_TIMEOUT_MS) {
    throw new ConfigError(
      `Check "${name}": timeoutMs must be a number of milliseconds between 1 and ${MAX_TIMEOUT_MS}, got ${String(timeoutMs)}.`,
    );
  }
  if (slowMs !== undefined && (!Number.isFinite(slowMs) || slowMs <= 0 || slowMs >= timeoutMs)) {
    throw new ConfigError(`Check "${name}": slowMs must be a number of milliseconds below its timeoutMs (${timeoutMs}), got ${String(slowMs)}.`);
  }
  if (typeof run !== 'function') {
    throw new ConfigError(`Check "${name}": run must be a function.`);
  }
  return { name, category, timeoutMs, run, secrets: secrets.filter((s) => s.length > 0), ...(slowMs === undefined ? {} : { slowMs }) };
}
