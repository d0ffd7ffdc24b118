import type { CheckCategory, CheckReport, CheckStatus, FailureReason, ReadinessObservation } from '../core/index.ts';

/** What this isolate knows of one check, from the readiness answers it gave. */
export interface CheckHistory {
  name: string;
  category: CheckCategory;
  status: CheckStatus;
  latencyMs: number;
  reason?: FailureReason;
  /** When the latest result was produced (epoch ms). */
  lastRunAt: number;
  /** When the check last changed status; its first result counts as a change. */
  lastChangeAt: number;
  /** When the check was last `healthy`, if ever. */
  lastSuccessAt?: number;
  /** Changes of status after the first result. */
  transitions: number;
  /** Fresh results (not cache hits). */
  runs: number;
}

export interface HealthMetricsOptions {
  /** Clock, for tests. @default Date.now */
  now?: () => number;
}

/**
 * A small per-isolate store fed by the core's readiness hook: the latest state
 * of each check and a few counters. Plug it in with
 * `createHealth({ onReadiness: metrics.observe })`. Numbers are this isolate's
 * only: on Workers each isolate (and each data center) keeps its own.
 */
export class HealthMetrics {
  readonly #checks = new Map<string, CheckHistory>();
  readonly #now: () => number;
  #runs = 0;
  #cacheHits = 0;
  #callsSaved = 0;

  constructor(options: HealthMetricsOptions = {}) {
    this.#now = options.now ?? Date.now;
  }

  /** The readiness hook. Arrow property: it can be handed around unbound. */
  readonly observe = (observation: ReadinessObservation): void => {
    if (observation.ageMs !== undefined) {
      this.#cacheHits += 1;
      this.#callsSaved += observation.reports.length;
      return;
    }
    this.#runs += 1;
    const finishedAt = observation.startedAt + observation.durationMs;
    for (const report of observation.reports) this.#record(report, finishedAt);
  };

  #record(report: CheckReport, at: number): void {
    const previous = this.#checks.get(report.name);
    const changed = previous === undefined || previous.status !== report.status;
    const history: CheckHistory = {
      name: report.name,
      category: report.category,
      status: report.status,
      latencyMs: report.latencyMs,
      lastRunAt: at,
      lastChangeAt: changed ? at : previous.lastChangeAt,
      transitions: (previous?.transitions ?? 0) + (previous !== undefined && changed ? 1 : 0),
      runs: (previous?.runs ?? 0) + 1,
    };
    if (report.reason !== undefined) history.reason = report.reason;
    const lastSuccessAt = report.status === 'healthy' ? at : previous?.lastSuccessAt;
    if (lastSuccessAt !== undefined) history.lastSuccessAt = lastSuccessAt;
    this.#checks.set(report.name, history);
  }

  /** Each check seen so far, in the order first seen. */
  checks(): readonly CheckHistory[] {
    return [...this.#checks.values()];
  }

  check(name: string): CheckHistory | undefined {
    return this.#checks.get(name);
  }

  /** Readiness answers that ran checks. */
  get runs(): number {
    return this.#runs;
  }

  /** Readiness answers served from the result cache. */
  get cacheHits(): number {
    return this.#cacheHits;
  }

  /** Dependency checks the cache hits did not have to run. */
  get callsSaved(): number {
    return this.#callsSaved;
  }

  now(): number {
    return this.#now();
  }
}
