import type { Lifecycle } from './lifecycle.ts';

/** Where the drain flag lives: the part of a Workers KV namespace (or any store like it) the switch reads. */
export interface FlagStore {
  get(key: string): Promise<string | null>;
}

export interface DrainSwitchOptions {
  /** Drained by configuration (`HEALTH_DRAIN=true`): needs a deploy to change. */
  forced?: boolean;
  /** A KV namespace holding the flag: changes take effect without a redeploy. */
  store?: FlagStore;
  /** @default 'drain' */
  key?: string;
  /**
   * How long each isolate trusts the flag it read, in milliseconds.
   * @default 10000
   */
  cacheMs?: number;
  /** @default Date.now */
  now?: () => number;
}

const WORDS = new Map([
  ...['1', 'true', 'yes', 'on'].map((word) => [word, true] as const),
  ...['0', 'false', 'no', 'off'].map((word) => [word, false] as const),
]);

/**
 * The one reading of an on/off word (`1`/`true`/`yes`/`on`, `0`/`false`/`no`/`off`,
 * any case, trimmed) shared by the drain flag and boolean environment variables;
 * `undefined` for anything else.
 */
export function switchWord(text: string): boolean | undefined {
  return WORDS.get(text.trim().toLowerCase());
}

/**
 * The operator's drain switch, for platforms with no shutdown signal (Workers,
 * Netlify): when on, every isolate answers readiness 503 `draining` (liveness
 * stays 200) until it is turned off. Each isolate reads the flag store about
 * once per `cacheMs`: the request that finds the flag stale reads it, and
 * requests arriving during that read answer with the last value read.
 *
 * Why no read is shared: in workerd an I/O object belongs to the request that
 * created it, and a request that awaited another request's pending KV read was
 * answered 500 "Cannot perform I/O on behalf of a different request" (the soak
 * saw bursts of them at every refresh). So each request awaits only its own
 * read; before the first read has finished, every request reads for itself.
 */
export class DrainSwitch {
  #readAt = Number.NEGATIVE_INFINITY;
  #on = false;
  #reading = false;

  constructor(private readonly options: DrainSwitchOptions) {}

  /** Brings `lifecycle` in line with the switch; a failed read keeps the last known value. */
  async apply(lifecycle: Lifecycle): Promise<void> {
    const { forced, store } = this.options;
    if (forced) {
      lifecycle.drain('drained by HEALTH_DRAIN');
      return;
    }
    if (!store) return;
    const now = (this.options.now ?? Date.now)();
    const stale = now - this.#readAt >= (this.options.cacheMs ?? 10_000);
    const neverRead = this.#readAt === Number.NEGATIVE_INFINITY;
    if (stale && (!this.#reading || neverRead)) await this.#read(store, now);
    if (this.#on) lifecycle.drain('drained by the operator (drain flag)');
    else lifecycle.undrain();
  }

  async #read(store: FlagStore, now: number): Promise<void> {
    this.#reading = true;
    try {
      const value = await store.get(this.options.key ?? 'drain');
      this.#on = value !== null && switchWord(value) === true;
    } catch {
      // Why keep the last value: a KV hiccup must not flap every isolate in and out of rotation.
    } finally {
      this.#readAt = Math.max(this.#readAt, now);
      this.#reading = false;
    }
  }
}
