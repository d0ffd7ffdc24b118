import type { Check, CheckReport } from './types.ts';

/** One finished run of a check selection, as it is kept. */
export interface StoredRun {
  /** When the run finished (epoch milliseconds): the age of every answer built from it starts here. */
  at: number;
  reports: CheckReport[];
}

/**
 * Where check results are kept between requests. The default keeps them in
 * this isolate's memory; a store shared by isolates (the Cache API of one
 * location, a Durable Object of the deployment) makes many isolates cost the
 * dependencies one run per period. A store never runs checks: it only reads
 * and writes finished runs. `read` may be slow (it is remote): honour `signal`.
 */
export interface ResultStore {
  /** Who shares what this store keeps: shown in answers, so an operator knows. */
  readonly scope: 'isolate' | 'location' | 'deployment';
  /**
   * How results are shared right now, in words, when that can differ from
   * `scope` (a Cache API that keeps nothing, an owner that could not be
   * reached): shown in readiness answers as `sharing`.
   */
  readonly sharing?: string;
  read(key: string, signal?: AbortSignal): Promise<StoredRun | undefined>;
  /**
   * What `read` would find, answered at once, for a store that never waits
   * (memory): then a cached answer needs neither the caller's signal nor a promise.
   */
  readNow?(key: string): StoredRun | undefined;
  write(key: string, run: StoredRun): Promise<void>;
}

/**
 * Runs a selection of checks and returns one report per check, in order;
 * never rejects. The default runs them here, in parallel; a remote runner
 * (a Durable Object that owns the run) can replace it. `onReport`, when a
 * runner calls it, lets a caller whose budget runs out answer with the checks
 * that did finish.
 */
export type CheckRunner = (
  checks: readonly Check[],
  signal: AbortSignal,
  onReport?: (index: number, report: CheckReport) => void,
) => Promise<CheckReport[]>;

/** The default store: this isolate's memory. */
export class MemoryResultStore implements ResultStore {
  readonly scope = 'isolate' as const;
  readonly #runs = new Map<string, StoredRun>();

  async read(key: string): Promise<StoredRun | undefined> {
    return this.readNow(key);
  }

  readNow(key: string): StoredRun | undefined {
    return this.#runs.get(key);
  }

  async write(key: string, run: StoredRun): Promise<void> {
    this.#runs.set(key, run);
  }
}
