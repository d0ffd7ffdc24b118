/**
 * Counts the requests an isolate serves: how many in all, how many in flight,
 * which one was its cold start, and when it is idle (for a graceful shutdown).
 * One owner counts: the outermost handler every platform goes through (the
 * health router), so each request is counted exactly once.
 */
export class RequestTracker {
  #count = 0;
  #inFlight = 0;
  #idleWaiters: (() => void)[] = [];
  // Why a WeakSet: holds the cold-start request without keeping it alive.
  readonly #coldStart = new WeakSet<object>();

  readonly #onEnter: () => void;

  /** @param onEnter called as each request is counted in (the isolate's clock starts at its first request). */
  constructor(onEnter: () => void = () => {}) {
    this.#onEnter = onEnter;
  }

  get count(): number {
    return this.#count;
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  /** Counts `request` in while `handle` runs. */
  async track<T>(request: object, handle: () => Promise<T>): Promise<T> {
    this.#onEnter();
    if (this.#count === 0) this.#coldStart.add(request);
    this.#count += 1;
    this.#inFlight += 1;
    try {
      return await handle();
    } finally {
      this.#inFlight -= 1;
      if (this.#inFlight === 0) for (const wake of this.#idleWaiters.splice(0)) wake();
    }
  }

  /** Whether `request` was this isolate's first (its cold start). */
  isColdStart(request: object): boolean {
    return this.#coldStart.has(request);
  }

  /** Resolves when no request is in flight (at once if none is). */
  idle(): Promise<void> {
    if (this.#inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }
}
