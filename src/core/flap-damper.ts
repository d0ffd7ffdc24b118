import type { CheckReport, CheckStatus } from './types.ts';

export interface DampingOptions {
  /**
   * Consecutive failures before a check that was up is reported `unhealthy`
   * (Kubernetes' failureThreshold).
   * @default 1
   */
  failures?: number;
  /**
   * Consecutive successes before a check that was down is reported up again
   * (Kubernetes' successThreshold).
   * @default 1
   */
  successes?: number;
}

/** A report held at its previous verdict: what the check really said, and how far along the window is. */
export interface DampingWindow {
  raw: CheckStatus;
  streak: number;
  threshold: number;
}

interface Track {
  up: boolean;
  streak: number;
  last: CheckReport;
}

/**
 * Flap damping per check, counted where runs are made: a check that was up
 * stays up until `failures` failures in a row, one that was down stays down
 * until `successes` successes in a row. A check never seen to succeed is
 * never called up: its first failure counts at once.
 */
export class FlapDamper {
  readonly #failures: number;
  readonly #successes: number;
  readonly #tracks = new Map<string, Track>();

  constructor(options: DampingOptions = {}) {
    this.#failures = Math.max(1, options.failures ?? 1);
    this.#successes = Math.max(1, options.successes ?? 1);
  }

  /** The reports to answer with, given a fresh run's raw reports. */
  damp(reports: readonly CheckReport[]): CheckReport[] {
    return reports.map((report) => this.#dampOne(report));
  }

  #dampOne(report: CheckReport): CheckReport {
    const ok = report.status !== 'unhealthy';
    const track = this.#tracks.get(report.name);
    if (track && track.up !== ok) {
      track.streak += 1;
      const threshold = track.up ? this.#failures : this.#successes;
      if (track.streak < threshold) {
        const { name, category, latencyMs } = report;
        return { ...track.last, name, category, latencyMs, damping: { raw: report.status, streak: track.streak, threshold } };
      }
    }
    this.#tracks.set(report.name, { up: ok, streak: 0, last: report });
    return report;
  }
}
