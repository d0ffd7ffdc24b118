import { classifyError } from './classify-error.ts';
import { LifecycleError } from './errors.ts';
import { redact } from './redact.ts';
import { timeoutError } from './timeout-error.ts';

/**
 * The life of one isolate: a Worker isolate, a Lambda execution environment,
 * a Netlify function instance, a Node, Deno or Bun process.
 */
export type LifecycleState = 'starting' | 'ready' | 'draining' | 'stopped' | 'failed';

const TRANSITIONS: Record<LifecycleState, readonly LifecycleState[]> = {
  starting: ['ready', 'failed', 'draining', 'stopped'],
  ready: ['draining', 'stopped'],
  // draining → ready (or → starting, if init had not succeeded): the operator's
  // drain switch was turned off again.
  draining: ['ready', 'starting', 'stopped'],
  // failed → starting: init is retried after a backoff.
  failed: ['starting', 'draining', 'stopped'],
  stopped: [],
};

/** A startup task: validate configuration, check bindings, warm a connection. */
export interface InitTask {
  name: string;
  run(signal: AbortSignal): Promise<void> | void;
  /** @default 5000 */
  timeoutMs?: number;
}

export interface LifecycleOptions {
  /** Tasks run in order, once, before the isolate is ready. */
  init?: readonly InitTask[];
  /**
   * First retry delay after a failed init; doubles per failure up to `maxRetryDelayMs`.
   * @default 1000
   */
  retryDelayMs?: number;
  /** @default 60000 */
  maxRetryDelayMs?: number;
  /**
   * How long `failed` may last before liveness reports the isolate broken.
   * @default 30000
   */
  failedGraceMs?: number;
  /** Where this isolate runs, e.g. `cloudflare-workers`, `aws-lambda`, `node`. */
  platform?: string;
  /** Clock, for tests. @default Date.now */
  now?: () => number;
  /** Values to scrub from failure reasons. */
  secrets?: readonly string[];
}

/** Facts about the isolate, safe to show in a response. */
export interface IsolateFacts {
  id: string;
  state: LifecycleState;
  cold_start: boolean;
  started_at: string;
  uptime_ms: number;
  requests: number;
  in_flight: number;
  platform?: string;
  location?: string;
}

/**
 * Runs one init task under its deadline. Why a race and not only a signal: a
 * task that ignores its signal must not hold the isolate in `starting` forever.
 */
async function runTask(task: InitTask): Promise<void> {
  const timeoutMs = task.timeoutMs ?? 5000;
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = timeoutError(timeoutMs);
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  const work = (async () => task.run(controller.signal))();
  work.catch(() => {});
  try {
    await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The lifecycle state machine of one isolate, with its facts and its init.
 * Nothing here runs at construction: no I/O, timers or randomness at global
 * scope, which Workers forbid.
 */
export class Lifecycle {
  #state: LifecycleState = 'starting';
  #reason: string | undefined;
  #stateSince = 0;
  #id: string | undefined;
  #bornAt: number | undefined;
  #requests = 0;
  #inFlight = 0;
  #idleWaiters: (() => void)[] = [];
  #init: Promise<void> | undefined;
  #failures = 0;
  #retryAt = 0;
  readonly #options: LifecycleOptions;
  readonly #tasks: InitTask[];
  readonly #now: () => number;
  #listeners: ((state: LifecycleState) => void)[] = [];
  #shuttingDown = false;
  #initSucceeded = false;
  readonly #coldStarts = new WeakMap<object, boolean>();

  constructor(options: LifecycleOptions = {}) {
    this.#options = options;
    this.#tasks = [...(options.init ?? [])];
    this.#now = options.now ?? Date.now;
  }

  get state(): LifecycleState {
    return this.#state;
  }

  /** Why the isolate is `failed`, `draining` or `stopped`, redacted. */
  get reason(): string | undefined {
    return this.#reason;
  }

  /** Milliseconds since the last transition. */
  get stateAgeMs(): number {
    return this.#now() - (this.#stateSince || this.#born());
  }

  get platform(): string | undefined {
    return this.#options.platform;
  }

  /** Registers a startup task; only before init has begun. */
  addInitTask(task: InitTask): void {
    if (this.#init || this.#state !== 'starting') {
      throw new LifecycleError(`Init task "${task.name}" added after init began (state ${this.#state}).`);
    }
    this.#tasks.push(task);
  }

  onTransition(listener: (state: LifecycleState) => void): void {
    this.#listeners.push(listener);
  }

  /** Moves to `to`; an illegal move throws, because it is a bug in the caller. */
  transition(to: LifecycleState, reason?: string): void {
    const from = this.#state;
    if (!TRANSITIONS[from].includes(to)) {
      throw new LifecycleError(`Illegal lifecycle transition ${from} → ${to}.`);
    }
    this.#state = to;
    this.#reason = reason === undefined ? undefined : redact(reason, this.#options.secrets);
    this.#stateSince = this.#now();
    for (const listener of this.#listeners) listener(to);
  }

  /** Ready for traffic: `starting` → `ready` (when there is no init, or from an adapter). */
  markReady(): void {
    this.#initSucceeded = true;
    if (this.#state !== 'ready') this.transition('ready');
  }

  /** Take the isolate out of rotation by the operator's drain switch. Idempotent. */
  drain(reason = 'drained by operator'): void {
    if (this.#state === 'draining' || this.#state === 'stopped') return;
    this.transition('draining', reason);
  }

  /** Leave a switch-driven drain; a shutdown is never undone. Back to `starting` if init never succeeded. */
  undrain(): void {
    if (this.#state === 'draining' && !this.#shuttingDown) this.transition(this.#initSucceeded ? 'ready' : 'starting');
  }

  /** The process is going away (SIGTERM): drain for good. Idempotent. */
  shutdown(reason = 'shutting down'): void {
    this.#shuttingDown = true;
    if (this.#state === 'stopped') return;
    if (this.#state === 'draining') this.#reason = reason;
    else this.transition('draining', reason);
  }

  /** True once {@link shutdown} was called: draining ends in `stopped`, not `ready`. */
  get shuttingDown(): boolean {
    return this.#shuttingDown;
  }

  stop(reason = 'stopped'): void {
    if (this.#state !== 'stopped') this.transition('stopped', reason);
  }

  /**
   * Runs init once (concurrent callers share the run); after a failure,
   * retries only when the backoff has passed, never on every request.
   */
  ensureStarted(): Promise<void> {
    if (this.#init) return this.#init;
    if (this.#state === 'failed' && this.#now() >= this.#retryAt) this.transition('starting');
    if (this.#state !== 'starting') return Promise.resolve();
    this.#init = this.#runInit().finally(() => {
      this.#init = undefined;
    });
    return this.#init;
  }

  async #runInit(): Promise<void> {
    this.#born();
    for (const task of this.#tasks) {
      try {
        await runTask(task);
      } catch (error) {
        const { message } = classifyError(error);
        this.#failures += 1;
        const base = this.#options.retryDelayMs ?? 1000;
        const delay = Math.min(base * 2 ** (this.#failures - 1), this.#options.maxRetryDelayMs ?? 60_000);
        this.#retryAt = this.#now() + delay;
        // Drained or stopped while starting: stay there.
        if (this.#state === 'starting') this.transition('failed', `${task.name}: ${message}`);
        return;
      }
    }
    this.#failures = 0;
    this.#initSucceeded = true;
    if (this.#state === 'starting') this.transition('ready');
  }

  /** When a failed init will be retried, if it has failed. */
  get retryAt(): number | undefined {
    return this.#state === 'failed' ? this.#retryAt : undefined;
  }

  /** Liveness: broken only when stopped, or failed for longer than the grace period. */
  get alive(): boolean {
    if (this.#state === 'stopped') return false;
    if (this.#state === 'failed') return this.stateAgeMs <= (this.#options.failedGraceMs ?? 30_000);
    return true;
  }

  /**
   * Counts a request in (once per request object); call `leave` when it is done.
   * Returns whether this was the isolate's first request (a cold start).
   */
  enter(request?: object): { coldStart: boolean; leave: () => void } {
    this.#born();
    // Why: an adapter and the router may both count the same request in; once is right.
    const counted = request ? this.#coldStarts.get(request) : undefined;
    if (counted !== undefined) return { coldStart: counted, leave: () => {} };
    const coldStart = this.#requests === 0;
    if (request) this.#coldStarts.set(request, coldStart);
    this.#requests += 1;
    this.#inFlight += 1;
    let left = false;
    return {
      coldStart,
      leave: () => {
        if (left) return;
        left = true;
        this.#inFlight -= 1;
        if (this.#inFlight === 0) for (const wake of this.#idleWaiters.splice(0)) wake();
      },
    };
  }

  /** Whether `request` was counted in by {@link enter}, and if so whether it was the cold start. */
  visit(request: object): boolean | undefined {
    return this.#coldStarts.get(request);
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  /** Resolves when no request is in flight (at once if none is). */
  idle(): Promise<void> {
    if (this.#inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  facts(coldStart: boolean, location?: string): IsolateFacts {
    const bornAt = this.#born();
    const facts: IsolateFacts = {
      id: this.#isolateId(),
      state: this.#state,
      cold_start: coldStart,
      started_at: new Date(bornAt).toISOString(),
      uptime_ms: Math.max(0, this.#now() - bornAt),
      requests: this.#requests,
      in_flight: this.#inFlight,
    };
    if (this.#options.platform) facts.platform = this.#options.platform;
    if (location) facts.location = location;
    return facts;
  }

  #born(): number {
    this.#bornAt ??= this.#now();
    return this.#bornAt;
  }

  #isolateId(): string {
    this.#id ??= crypto.randomUUID();
    return this.#id;
  }
}
