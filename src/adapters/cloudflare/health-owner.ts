import { FlapDamper, MemoryResultStore, ResultCache, type Check, type CheckRunner, type DampingOptions, type StatusChange, type StoredRun } from '../../core/index.ts';

/** What the owner needs from its own environment. */
export interface HealthOwnerOptions {
  /** Every check the deployment may ask for, by name. */
  checks: readonly Check[];
  /** How long a run is reused for the whole deployment (`HEALTH_CACHE_MS`). */
  freshMs: number;
  /** How much longer a run is served while one refresh runs (`HEALTH_STALE_MS`). @default 0 */
  staleMs?: number;
  /**
   * Keep results fresh with an alarm: rerun each selection asked for in the
   * last `idleMs` every `refreshMs`, so no probe waits on a dependency. 0: off.
   * Why at least `freshMs`: a rerun of a result still fresh reuses it.
   * @default 0
   */
  refreshMs?: number;
  /** Stop refreshing a selection nobody asked for in this long. @default 10 × refreshMs */
  idleMs?: number;
  /**
   * Flap damping, counted here over the deployment's runs: give it here, not
   * to the isolates' `createHealth`, whose runs the owner makes.
   * @default none
   */
  damping?: DampingOptions;
  /**
   * Told once per change of a check's status, for the whole deployment: give
   * it here, not to the isolates' `createHealth`, whose runs the owner makes.
   * A returned promise (a webhook's POST) is kept alive with `waitUntil`.
   * @default none
   */
  onStatusChange?: (change: StatusChange) => void | Promise<void>;
  /** Runs the checks here. @default the core runner */
  runChecks?: CheckRunner;
}

/** The parts of a Durable Object's state the owner uses. */
export interface OwnerState {
  waitUntil?(promise: Promise<unknown>): void;
  storage?: { setAlarm(at: number): Promise<void>; getAlarm(): Promise<number | null> };
}

/** A Durable Object class, as the runtime constructs it. */
export type HealthOwnerClass<Env> = new (state: OwnerState, env: Env) => {
  fetch(request: Request): Promise<Response>;
  alarm(): Promise<void>;
};

/** The owner's answer to `POST /run`: the run, with the time it finished. */
export type OwnerAnswer = StoredRun;

/**
 * The Durable Object class that owns the check run for the whole deployment:
 * one object (one id) answers every isolate, so the dependencies see at most
 * one run per period however many isolates and locations probe. It runs the
 * checks with its own `env`, under the same single flight and freshness rules
 * as an isolate. Export the class from the Worker entry and bind it in
 * `wrangler.toml`.
 *
 * @example
 * ```ts
 * export const HealthOwner = healthOwnerClass((env: Env) => ({ checks: [neonCheck({ connectionString: env.DATABASE_URL })], freshMs: 10_000 }));
 * ```
 */
export function healthOwnerClass<Env>(build: (env: Env) => HealthOwnerOptions): HealthOwnerClass<Env> {
  return class HealthOwner {
    readonly #state: OwnerState;
    readonly #options: HealthOwnerOptions;
    readonly #store = new MemoryResultStore();
    readonly #cache: ResultCache;
    /** Selections asked for, and when last: what the alarm refreshes. */
    readonly #asked = new Map<string, number>();

    constructor(state: OwnerState, env: Env) {
      this.#state = state;
      this.#options = build(env);
      const { freshMs, staleMs, damping, onStatusChange, runChecks } = this.#options;
      const waitUntil = state.waitUntil?.bind(state);
      this.#cache = new ResultCache({
        freshMs,
        staleMs,
        store: this.#store,
        runChecks,
        damper: damping ? new FlapDamper(damping) : undefined,
        onStatusChange: onStatusChange && ((change) => keepAlive(onStatusChange(change), waitUntil)),
      });
    }

    async fetch(request: Request): Promise<Response> {
      const url = new URL(request.url);
      const names = url.searchParams.getAll('check');
      const checks = names.map((name) => this.#options.checks.find((check) => check.name === name));
      if (checks.some((check) => check === undefined)) return Response.json({ error: 'unknown check name' }, { status: 400 });
      const key = names.join('\n');
      if (url.pathname === '/stored') {
        const stored = await this.#store.read(key);
        return stored ? Response.json(stored) : new Response(null, { status: 404 });
      }
      if (url.pathname !== '/run' || request.method !== 'POST') return new Response(null, { status: 404 });
      this.#asked.set(key, Date.now());
      const answer = await this.#run(key, checks as Check[]);
      await this.#arm();
      return Response.json(answer);
    }

    async alarm(): Promise<void> {
      const idleMs = this.#options.idleMs ?? 10 * (this.#options.refreshMs ?? 0);
      for (const [key, askedAt] of this.#asked) {
        if (Date.now() - askedAt > idleMs) this.#asked.delete(key);
      }
      await Promise.all(
        [...this.#asked.keys()].map((key) => {
          const names = key.split('\n');
          return this.#run(key, this.#options.checks.filter((check) => names.includes(check.name)));
        }),
      );
      await this.#arm();
    }

    async #run(key: string, checks: readonly Check[]): Promise<OwnerAnswer> {
      const waitUntil = this.#state.waitUntil?.bind(this.#state);
      const { reports, ageMs } = await this.#cache.get(key, checks, waitUntil ? { waitUntil } : {});
      return { at: Date.now() - (ageMs ?? 0), reports: reports.map(({ ageMs: _age, ...report }) => report) };
    }

    async #arm(): Promise<void> {
      const refreshMs = this.#options.refreshMs ?? 0;
      const storage = this.#state.storage;
      if (refreshMs <= 0 || !storage || this.#asked.size === 0 || (await storage.getAlarm()) !== null) return;
      await storage.setAlarm(Date.now() + refreshMs);
    }
  };
}

/** Hands a listener's pending work to `waitUntil`, so a POST outlives the request that saw the change. */
function keepAlive(work: void | Promise<void>, waitUntil: ((promise: Promise<unknown>) => void) | undefined): void {
  if (work instanceof Promise) waitUntil?.(work);
}
