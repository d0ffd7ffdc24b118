export interface DeadlineOptions<T> {
  /** How long `work` may take, in milliseconds; `Infinity` for no deadline (only the signal). */
  ms: number;
  /** What the race settles with when the time is up; throw to reject. */
  onTimeout: () => T;
  /** A caller's signal that ends the race early. */
  signal?: AbortSignal | undefined;
  /** What the race settles with when `signal` aborts; throw to reject. @default rejects with the signal's reason */
  onAbort?: () => T;
}

/**
 * Settles with `work`, or with `onTimeout()` once `ms` have passed, or with
 * `onAbort()` once `signal` aborts, whichever comes first. The timer and the
 * abort listener are always removed, and a late rejection of `work` is never
 * left unhandled. Why a race and not only a signal: work that ignores its
 * signal must still not hold the caller past its deadline.
 *
 * @example
 * ```ts
 * const reports = await raceDeadline(run, { ms: 2000, onTimeout: () => timedOut(checks) });
 * ```
 */
export function raceDeadline<T>(work: Promise<T>, options: DeadlineOptions<T>): Promise<T> {
  const { ms, onTimeout, signal, onAbort } = options;
  return new Promise<T>((resolve, reject) => {
    const settle = (produce: () => T): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
      try {
        resolve(produce());
      } catch (error) {
        reject(error);
      }
    };
    const abort = (): void => settle(onAbort ?? ((): T => { throw signal?.reason; }));
    // Why the guard: setTimeout treats Infinity as 1 ms.
    const timer = signal?.aborted || ms === Infinity ? undefined : setTimeout(() => settle(onTimeout), ms);
    if (signal?.aborted) return abort();
    signal?.addEventListener('abort', abort, { once: true });
    work.then(
      (value) => settle(() => value),
      (error: unknown) => settle(() => { throw error; }),
    );
  });
}
