import { LifecycleError } from './errors.ts';
import { InitRunner, type InitOutcome, type InitTask } from './init-runner.ts';
import { Isolate, type IsolateFacts } from './isolate.ts';
import { redact } from './redact.ts';
import { RequestTracker } from './request-tracker.ts';

export type { InitTask } from './init-runner.ts';
export type { IsolateFacts } from './isolate.ts';

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

/**
 * The lifecycle state machine of one isolate. Init, request counting and the
 * isolate's identity are its parts (`InitRunner`, `requests`, `Isolate`).
 * Nothing here runs at construction: no I/O, timers or randomness at global
 * scope, which Workers forbid.
 */
export class Lifecycle {
  /** Every request this isolate serves, counted once by the outermost handler. */
  readonly requests: RequestTracker;
  #state: LifecycleState = 'starting';
  #reason: string | undefined;
  #stateSince = 0;
  // Where `draining` leads: back to `ready` or `starting` when the switch is
  // turned off, or only to `stopped` once the process is shutting down.
  #afterDrain: 'ready' | 'starting' | 'stopped' = 'starting';
  readonly #options: LifecycleOptions;
  readonly #now: () => number;
  readonly #init: InitRunner;
  readonly #isolate: Isolate;
  readonly #listeners: ((state: LifecycleState) => void)[] = [];

  constructor(options: LifecycleOptions = {}) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#init = new InitRunner(options.init ?? [], options, this.#now);
    this.#isolate = new Isolate(this.#now, options.platform);
    this.requests = new RequestTracker(() => this.#isolate.born());
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
    return this.#now() - (this.#stateSince || this.#isolate.born());
  }

  get platform(): string | undefined {
    return this.#options.platform;
  }

  /** Registers a startup task; only before init has begun. */
  addInitTask(task: InitTask): void {
    if (this.#init.begun || this.#state !== 'starting') {
      throw new LifecycleError(`Init task "${task.name}" added after init began (state ${this.#state}).`);
    }
    this.#init.add(task);
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
    if (to === 'draining' && this.#afterDrain !== 'stopped') this.#afterDrain = from === 'ready' ? 'ready' : 'starting';
    this.#state = to;
    this.#reason = reason === undefined ? undefined : redact(reason, this.#options.secrets);
    this.#stateSince = this.#now();
    for (const listener of this.#listeners) listener(to);
  }

  /** Ready for traffic: `starting` → `ready` (when there is no init, or from an adapter). */
  markReady(): void {
    if (this.#state !== 'ready') this.transition('ready');
  }

  /** Take the isolate out of rotation by the operator's drain switch. Idempotent. */
  drain(reason = 'drained by operator'): void {
    if (this.#state === 'draining' || this.#state === 'stopped') return;
    this.transition('draining', reason);
  }

  /** Leave a switch-driven drain; a shutdown is never undone. Back to `starting` if init never succeeded. */
  undrain(): void {
    if (this.#state === 'draining' && this.#afterDrain !== 'stopped') this.transition(this.#afterDrain);
  }

  /** The process is going away (SIGTERM): drain for good. Idempotent. */
  shutdown(reason = 'shutting down'): void {
    this.#afterDrain = 'stopped';
    if (this.#state === 'stopped') return;
    if (this.#state === 'draining') this.#reason = reason;
    else this.transition('draining', reason);
  }

  /** True once {@link shutdown} was called: draining ends in `stopped`, not `ready`. */
  get shuttingDown(): boolean {
    return this.#afterDrain === 'stopped';
  }

  stop(reason = 'stopped'): void {
    if (this.#state !== 'stopped') this.transition('stopped', reason);
  }

  /**
   * Runs init once (concurrent callers share the run); after a failure,
   * retries only when the backoff has passed, never on every request.
   */
  async ensureStarted(): Promise<void> {
    const running = this.#init.running;
    if (running) return void (await running);
    if (this.#state === 'failed' && this.#now() >= this.#init.retryAt) this.transition('starting');
    if (this.#state !== 'starting') return;
    this.#isolate.born();
    this.#settle(await this.#init.run());
  }

  #settle(outcome: InitOutcome): void {
    // Drained or stopped while starting: stay there; a drain now leads back to ready.
    if (outcome.ok && this.#state === 'draining' && this.#afterDrain === 'starting') this.#afterDrain = 'ready';
    if (this.#state !== 'starting') return;
    if (outcome.ok) this.transition('ready');
    else this.transition('failed', outcome.failure);
  }

  /** When a failed init will be retried, if it has failed. */
  get retryAt(): number | undefined {
    return this.#state === 'failed' ? this.#init.retryAt : undefined;
  }

  /** Liveness: broken only when stopped, or failed for longer than the grace period. */
  get alive(): boolean {
    if (this.#state === 'stopped') return false;
    if (this.#state === 'failed') return this.stateAgeMs <= (this.#options.failedGraceMs ?? 30_000);
    return true;
  }

  get inFlight(): number {
    return this.requests.inFlight;
  }

  /** Resolves when no request is in flight (at once if none is). */
  idle(): Promise<void> {
    return this.requests.idle();
  }

  facts(coldStart: boolean, location?: string): IsolateFacts {
    return this.#isolate.facts(this.#state, coldStart, this.requests, location);
  }
}
