import { MemoryResultStore, raceDeadline, runChecks, type Check, type CheckReport, type CheckRunner, type ResultStore, type StoredRun } from '../../core/index.ts';
import { storedRunFrom } from './stored-run.ts';

/** The part of a Durable Object namespace binding the share uses. */
export interface DurableObjectNamespaceLike {
  idFromName(name: string): unknown;
  get(id: never): { fetch(input: string, init?: RequestInit): Promise<Response> };
}

export interface DurableObjectShareOptions {
  /** The namespace bound to the owner class (see `healthOwnerClass`). */
  namespace: DurableObjectNamespaceLike;
  /**
   * The owner's name: one name, one owner, one run per period for all who share it.
   * @default 'edge-health'
   */
  name?: string;
  /**
   * How long past the slowest asked check's own deadline an isolate waits for
   * the owner before it checks the dependencies itself.
   * @default 1000
   */
  reachMs?: number;
}

/** What answers say while the owner cannot be reached. */
export const OWNER_UNREACHABLE = 'none (Durable Object unreachable: checked in this isolate)';

/**
 * The isolate's side of a Durable Object that owns the check run: reads the
 * owner's last run, and asks the owner to run when it is too old. An isolate
 * that cannot reach the owner in time (not bound, overloaded, erroring) checks
 * the dependencies itself, keeps that run in its own memory, and says so in
 * its answers until the owner answers again.
 *
 * @example
 * ```ts
 * const share = new DurableObjectShare({ namespace: env.HEALTH_OWNER });
 * createHealth({ checks, cacheMs: 10_000, store: share, runChecks: share.runChecks });
 * ```
 */
export class DurableObjectShare implements ResultStore {
  readonly scope = 'deployment' as const;
  readonly #options: DurableObjectShareOptions;
  readonly #local = new MemoryResultStore();
  #reached = true;

  constructor(options: DurableObjectShareOptions) {
    this.#options = options;
  }

  get sharing(): string {
    return this.#reached ? 'deployment (Durable Object)' : OWNER_UNREACHABLE;
  }

  async read(key: string): Promise<StoredRun | undefined> {
    const names = key.split('\n');
    const stored = await this.#ask('GET', '/stored', names, this.#options.reachMs ?? 1000).catch(() => undefined);
    if (stored === undefined) return this.#reached ? undefined : this.#local.read(key);
    return stored ?? undefined;
  }

  /** The owner keeps its own runs; only a run made here (the owner unreachable) is kept, here. */
  async write(key: string, run: StoredRun): Promise<void> {
    if (!this.#reached) await this.#local.write(key, run);
  }

  readonly runChecks: CheckRunner = async (checks, signal, onReport) => {
    const slowestMs = Math.max(0, ...checks.map((check) => check.timeoutMs));
    try {
      const run = await this.#ask('POST', '/run', checks.map((check) => check.name), slowestMs + (this.#options.reachMs ?? 1000));
      if (run) return reportsInOrder(checks, run.reports, onReport);
    } catch {
      // Why no rethrow: the owner is out of reach; the answer comes from here and says so.
    }
    this.#reached = false;
    return runChecks(checks, signal, onReport);
  };

  /** The owner's run (`null` when it has none), or a rejection when it cannot be reached in `ms`. */
  async #ask(method: string, path: string, names: readonly string[], ms: number): Promise<StoredRun | null> {
    const { namespace, name = 'edge-health' } = this.#options;
    const query = new URLSearchParams(names.map((check) => ['check', check]));
    const stub = namespace.get(namespace.idFromName(name) as never);
    const response = await raceDeadline(stub.fetch(`https://edge-health-owner${path}?${query}`, { method }), {
      ms,
      onTimeout: () => {
        throw new Error(`the Durable Object did not answer within ${ms} ms`);
      },
    });
    if (response.status === 404 && method === 'GET') return null;
    if (!response.ok) throw new Error(`the Durable Object answered ${response.status}`);
    const run = storedRunFrom(await response.json());
    if (!run) throw new Error('the Durable Object answered with something that is not a run');
    this.#reached = true;
    return run;
  }
}

/** The owner's reports in the order asked, each also handed to `onReport`. */
function reportsInOrder(checks: readonly Check[], reports: readonly CheckReport[], onReport?: (index: number, report: CheckReport) => void): CheckReport[] {
  return checks.map((check, index) => {
    const report = reports.find((candidate) => candidate.name === check.name) ?? missingReport(check);
    onReport?.(index, report);
    return report;
  });
}

function missingReport(check: Check): CheckReport {
  return { name: check.name, category: check.category, status: 'unhealthy', latencyMs: 0, reason: 'error', message: 'the Durable Object returned no report for this check' };
}
