import type { LifecycleState } from './lifecycle.ts';
import type { RequestTracker } from './request-tracker.ts';

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
 * One isolate's identity: an id and a birth time, both taken lazily on first
 * use, because Workers forbid randomness and timers at global scope.
 */
export class Isolate {
  #id: string | undefined;
  #bornAt: number | undefined;
  // Why kept: the ISO text of a time that never changes, asked for by every answer.
  #startedAt: string | undefined;
  readonly #now: () => number;
  readonly #platform: string | undefined;

  constructor(now: () => number, platform?: string) {
    this.#now = now;
    this.#platform = platform;
  }

  /** When the isolate was first used. */
  born(): number {
    this.#bornAt ??= this.#now();
    return this.#bornAt;
  }

  /** The facts as one answer shows them: the lifecycle's state and counts, this request's cold start and location. */
  facts(state: LifecycleState, coldStart: boolean, requests: RequestTracker, location: string | undefined): IsolateFacts {
    const bornAt = this.born();
    this.#id ??= crypto.randomUUID();
    const facts: IsolateFacts = {
      id: this.#id,
      state,
      cold_start: coldStart,
      started_at: (this.#startedAt ??= new Date(bornAt).toISOString()),
      uptime_ms: Math.max(0, this.#now() - bornAt),
      requests: requests.count,
      in_flight: requests.inFlight,
    };
    if (this.#platform) facts.platform = this.#platform;
    if (location) facts.location = location;
    return facts;
  }
}
