/** The three verdicts a check can give, in order of severity. */
export type CheckStatus = 'healthy' | 'degraded' | 'unhealthy';

/**
 * How much a dependency matters: a `critical` one that is down makes the service
 * unhealthy (503); a `non-critical` one only degrades it (200).
 */
export type CheckCategory = 'critical' | 'non-critical';

/**
 * Why a check failed, in words that are safe to show anyone: no host names,
 * no credentials, no driver internals.
 */
export type FailureReason =
  | 'timeout'
  | 'aborted'
  | 'refused'
  | 'dns'
  | 'tls'
  | 'network'
  | 'auth'
  | 'http_status'
  | 'protocol'
  | 'query'
  | 'unexpected_response'
  | 'slow'
  | 'error';

/** What a check's `run` returns. */
export interface CheckResult {
  status: CheckStatus;
  message?: string;
  details?: Record<string, unknown>;
  /** A classified reason, for results that are not `healthy`. */
  reason?: FailureReason;
}

/**
 * What kind of thing a check watches, as `application/health+json` names it
 * (draft-inadarei-api-health-check): `datastore` (a database, a cache, an
 * object store), `system` (an external service), `component` (a part of this
 * service), or a well-known term or a URI.
 */
export type ComponentType = 'component' | 'datastore' | 'system' | (string & {});

/** A dependency check, as the runner sees it. Build one with {@link defineCheck}. */
export interface Check {
  readonly name: string;
  readonly category: CheckCategory;
  /** The check's deadline, in milliseconds, from the moment it starts. */
  readonly timeoutMs: number;
  /** Latency above which a successful check is `degraded` (reason `slow`). */
  readonly slowMs?: number;
  /** What kind of thing the check watches, for `application/health+json`. */
  readonly componentType?: ComponentType;
  /**
   * Runs the check. The signal aborts when the deadline passes or the request
   * goes away: pass it to every fetch or driver call.
   */
  run(signal: AbortSignal): Promise<CheckResult> | CheckResult;
  /** Values that must never appear in output (tokens, passwords, connection strings). */
  readonly secrets?: readonly string[];
}

/** One check's outcome, as the runner reports it. */
export interface CheckReport {
  name: string;
  category: CheckCategory;
  status: CheckStatus;
  latencyMs: number;
  /** The check's declared kind, shown in `application/health+json` only. */
  componentType?: ComponentType;
  message?: string;
  reason?: FailureReason;
  details?: Record<string, unknown>;
  /** How old this result is, in milliseconds, when results are kept between requests. */
  ageMs?: number;
  /** Present while flap damping holds the previous verdict: what the check really said, and the window's progress. */
  damping?: { raw: CheckStatus; streak: number; threshold: number };
}

/** The overall verdict over a set of check reports. */
export interface HealthVerdict {
  status: CheckStatus;
  httpStatus: 200 | 503;
  message?: string;
}
