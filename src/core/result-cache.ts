import { raceDeadline } from './deadline.ts';
import type { FlapDamper } from './flap-damper.ts';
import { MemoryResultStore, type CheckRunner, type ResultStore } from './result-store.ts';
import { runChecks } from './run-checks.ts';
import type { Check, CheckReport, CheckStatus } from './types.ts';

export interface ResultCacheOptions {
  /** How long a finished run is reused; 0 reuses none (concurrent callers still share one run). */
  freshMs: number;
  /**
   * How much longer than `freshMs` a run may still be served while one refresh
   * runs (stale-while-revalidate). 0 serves nothing stale.
   * @default 0
   */
  staleMs?: number | undefined;
  /**
   * When a stale run is refreshed: `background` answers with it at once
   * (the refresh goes to `waitUntil` where the platform has it); `before-answer`
   * waits for the refresh, for platforms that freeze after the response (Lambda).
   * @default 'background'
   */
  staleRefresh?: 'background' | 'before-answer' | undefined;
  /** @default this isolate's memory */
  store?: ResultStore | undefined;
  /** @default run the checks here, in parallel */
  runChecks?: CheckRunner | undefined;
  /** Flap damping, applied to each run as it is made (so it counts runs, not probes). @default none */
  damper?: FlapDamper | undefined;
  /** Told once per change of a check's reported status, by the run that saw it. @default none */
  onStatusChange?: ((change: StatusChange) => void) | undefined;
  now?: () => number;
}

/** One caller of {@link ResultCache.get}: its own signal, and the platform's `waitUntil` if it has one. */
export interface Caller {
  /**
   * Read only when the answer waits on I/O (a shared store's read, a run), so it
   * may be a getter. Why: an adapter's lazy request builds its signal (a
   * controller, a listener) on first read, which an answer from the cache never needs.
   */
  signal?: AbortSignal | undefined;
  waitUntil?: ((promise: Promise<unknown>) => void) | undefined;
  /** The request's whole budget, for the report of checks it leaves unfinished. */
  budgetMs?: number | undefined;
  /** How long this caller still waits for a run; checks unfinished by then are reported as timed out. */
  waitMs?: number | undefined;
}

/** One check's reported status changed: fired once per transition, by the run that saw it. */
export interface StatusChange {
  check: string;
  /** `undefined` for the first run this isolate made. */
  from: CheckStatus | undefined;
  to: CheckStatus;
  report: CheckReport;
}

/** A run in flight: its outcome, the reports of the checks already done, and the finished reports, once there. */
interface Flight {
  done: Promise<CheckReport[]>;
  partial: (CheckReport | undefined)[];
  finished?: CheckReport[];
  failed?: { error: unknown };
}

export interface CachedReports {
  /** With `ageMs` on each report when results are kept (0 for a run made for this answer). */
  reports: CheckReport[];
  /** How old the reports are, when they were reused from an earlier run. */
  ageMs?: number;
}

/**
 * Keeps the last run of each check selection for `freshMs`, and lets callers
 * that arrive while a run is in flight share it (single flight), so that many
 * pollers at once (monitors, load balancers, probes on every node) cost the
 * dependencies one round of checks per period, not one per caller.
 *
 * A shared run belongs to no caller: no caller's signal can cancel it, so one
 * prober that goes away never hands the others an `aborted` result. Where the
 * platform cancels a request's work when it ends (Workers), the caller that
 * starts the run hands it to `waitUntil`; each caller still stops waiting when
 * its own signal aborts.
 */
export class ResultCache {
  readonly #freshMs: number;
  readonly #staleMs: number;
  readonly #refreshInBackground: boolean;
  readonly #store: ResultStore;
  readonly #runChecks: CheckRunner;
  readonly #damper: FlapDamper | undefined;
  readonly #onStatusChange: ResultCacheOptions['onStatusChange'];
  readonly #statuses = new Map<string, CheckStatus>();
  readonly #now: () => number;
  readonly #running = new Map<string, Flight>();

  constructor(options: ResultCacheOptions) {
    this.#freshMs = options.freshMs;
    this.#staleMs = options.staleMs ?? 0;
    this.#refreshInBackground = options.staleRefresh !== 'before-answer';
    this.#store = options.store ?? new MemoryResultStore();
    this.#runChecks = options.runChecks ?? runChecks;
    this.#damper = options.damper;
    this.#onStatusChange = options.onStatusChange;
    this.#now = options.now ?? Date.now;
  }

  get scope(): ResultStore['scope'] {
    return this.#store.scope;
  }

  get sharing(): string | undefined {
    return this.#store.sharing;
  }

  async get(key: string, checks: readonly Check[], caller: Caller = {}): Promise<CachedReports> {
    if (this.#freshMs > 0) {
      const store = this.#store;
      const stored = store.readNow ? store.readNow(key) : await store.read(key, caller.signal).catch(() => undefined);
      const ageMs = stored ? Math.max(0, this.#now() - stored.at) : Infinity;
      if (stored && ageMs < this.#freshMs) return reused(stored.reports, ageMs);
      if (stored && ageMs < this.#freshMs + this.#staleMs && this.#refreshInBackground) {
        // Why not awaited: the stale answer goes now; the one shared refresh runs on.
        this.#shared(key, checks, caller.waitUntil);
        return reused(stored.reports, ageMs);
      }
    }
    const started = this.#now();
    const running = this.#running.get(key);
    const flight = running ?? this.#shared(key, checks, caller.waitUntil);
    // Why a deadline even without a budget: the run may belong to a request that
    // the platform ended (a Worker's run outside waitUntil), and then never settles.
    const waitMs = caller.waitMs ?? slowestTimeoutMs(checks) + WAITER_GRACE_MS;
    // Only where requests have their own I/O context (the platform gives waitUntil) is a joiner kept off the run's promise.
    const joinedRun = running && caller.waitUntil ? joined(running, waitMs, this.#now) : flight.done;
    const reports = await raceDeadline(joinedRun, {
      ms: waitMs,
      onTimeout: () =>
        checks.map((check, i) => flight.partial[i] ?? unfinishedReport(check, caller.waitMs === undefined ? undefined : caller.budgetMs, this.#now() - started)),
      signal: caller.signal,
      onAbort: () => checks.map((check) => abortedReport(check, this.#now() - started)),
    });
    return { reports: this.#freshMs > 0 ? reports.map((report) => ({ ...report, ageMs: 0 })) : reports };
  }

  /** Makes a run for `key` now (or joins the one in flight) and keeps it: a background refresh. */
  async refresh(key: string, checks: readonly Check[]): Promise<void> {
    const running = this.#running.get(key);
    await (running ? joined(running, slowestTimeoutMs(checks) + WAITER_GRACE_MS, this.#now) : this.#shared(key, checks, undefined).done);
  }

  #announce(reports: readonly CheckReport[]): void {
    for (const report of reports) {
      const from = this.#statuses.get(report.name);
      if (from === report.status) continue;
      this.#statuses.set(report.name, report.status);
      try {
        this.#onStatusChange?.({ check: report.name, from, to: report.status, report });
      } catch {
        // Why: a failing listener must never affect the health answer.
      }
    }
  }

  /** The run in flight for `key`, or a new one. */
  #shared(key: string, checks: readonly Check[], waitUntil: Caller['waitUntil']): Flight {
    let flight = this.#running.get(key);
    if (!flight) {
      const partial: Flight['partial'] = [];
      const done = this.#run(key, checks, partial).finally(() => this.#running.delete(key));
      const started: Flight = { done, partial };
      done.then(
        (reports) => void (started.finished = reports),
        (error: unknown) => void (started.failed = { error }),
      );
      flight = started;
      this.#running.set(key, flight);
      waitUntil?.(done);
    }
    return flight;
  }

  async #run(key: string, checks: readonly Check[], partial: Flight['partial']): Promise<CheckReport[]> {
    // Why a signal nobody aborts: the run is shared; each check's own deadline bounds it.
    const raw = await this.#runChecks(checks, new AbortController().signal, (index, report) => (partial[index] = report));
    const reports = this.#damper ? this.#damper.damp(raw) : raw;
    this.#announce(reports);
    // Why swallowed: a store that cannot keep a result must not fail the answer built from it.
    if (this.#freshMs > 0) await this.#store.write(key, { at: this.#now(), reports }).catch(() => {});
    return reports;
  }
}

/**
 * The reports of a run another caller started, once it has finished, watched
 * on this caller's own timer. Why never the run's promise: in workerd, I/O
 * belongs to the request that started it, and a request whose continuation
 * hung on another request's run was, under sustained load, resumed in that
 * request's context: its answer was refused with "Cannot perform I/O on behalf
 * of a different request" (the soak: every shared answer, once it began).
 * Waking on its own timer keeps each request in its own context.
 */
async function joined(flight: Flight, forMs: number, now: () => number): Promise<CheckReport[]> {
  const until = now() + forMs;
  for (let pollMs = 1; !flight.finished; pollMs = Math.min(pollMs * 2, MAX_POLL_MS)) {
    if (flight.failed) throw flight.failed.error;
    // Why a limit: a run the platform cancelled never finishes, and the caller's own deadline has answered by now.
    if (now() > until) throw new Error(`the shared run did not finish within ${forMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  return flight.finished;
}

const MAX_POLL_MS = 16;

const reused = (reports: CheckReport[], ageMs: number): CachedReports => ({
  reports: reports.map((report) => ({ ...report, ageMs })),
  ageMs,
});

/** How long past the slowest check's timeout a waiter still waits for a shared run that did not end. */
const WAITER_GRACE_MS = 1000;

const slowestTimeoutMs = (checks: readonly Check[]): number => checks.reduce((slowest, check) => Math.max(slowest, check.timeoutMs), 0);

/** A check with no report when the caller stopped waiting: its request's budget ran out, or the shared run never ended. */
function unfinishedReport(check: Check, budgetMs: number | undefined, latencyMs: number): CheckReport {
  return {
    name: check.name,
    category: check.category,
    status: 'unhealthy',
    latencyMs,
    reason: 'timeout',
    message:
      budgetMs === undefined
        ? `no result ${latencyMs} ms after the run began, past its ${check.timeoutMs} ms timeout (the shared run was lost)`
        : `unfinished when the request's ${budgetMs} ms budget ran out`,
  };
}

function abortedReport(check: Check, latencyMs: number): CheckReport {
  return {
    name: check.name,
    category: check.category,
    status: 'unhealthy',
    latencyMs,
    reason: 'aborted',
    message: 'request aborted before the check finished',
  };
}
