import type { CheckReport } from './types.ts';

/** One readiness answer's check results, as metrics and tracing see them. */
export interface ReadinessObservation {
  /** The reports the answer used, in registration order. */
  reports: readonly CheckReport[];
  /** When the checks started (epoch ms); for a cache hit, when this answer started. */
  startedAt: number;
  /** Wall time until the reports were in hand: the run, or almost nothing for a cache hit. */
  durationMs: number;
  /** Set when the reports came from the result cache: how old they are. */
  ageMs?: number;
}

/**
 * Called after each readiness answer that ran or reused checks. Keep it cheap
 * and synchronous: it runs on the request's path.
 */
export type ReadinessObserver = (observation: ReadinessObservation) => void;

/** Calls the observer; one that throws must never fail a health answer. */
export function notifyReadiness(observer: ReadinessObserver | undefined, observation: ReadinessObservation): void {
  if (!observer) return;
  try {
    observer(observation);
  } catch {
    // Why silent: the observer is telemetry; the probe's answer matters more than its bug.
  }
}
