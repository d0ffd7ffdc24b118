import { MemoryResultStore, type ResultStore, type StoredRun } from '../../core/index.ts';
import { storedRunFrom } from './stored-run.ts';

/** The part of the Workers Cache API (`caches.default`) the store uses. */
export interface CacheLike {
  match(request: Request): Promise<Response | undefined>;
  put(request: Request, response: Response): Promise<void>;
}

export interface CacheApiStoreOptions {
  /** The location's cache: `caches.default`, or undefined where the runtime has none. */
  cache: CacheLike | undefined;
  /** How long a run is served at all (fresh plus stale periods): the entry's `max-age`. */
  keepMs: number;
  /**
   * The origin of the synthetic URLs the runs are kept under; never fetched.
   * @default 'https://edge-health.results.invalid'
   */
  origin?: string;
}

/** What answers say when the Cache API keeps nothing here. */
export const CACHE_UNAVAILABLE = 'none (Cache API unavailable here)';

/**
 * Check results shared by the isolates of one location through the Cache API:
 * each run is a cacheable JSON `Response` with its `at` time, under a synthetic
 * URL. Only the results are shared: every request still runs this Worker, so
 * lifecycle answers stay per isolate.
 *
 * Why the write is checked: on `*.workers.dev`, in dashboard previews and
 * behind Cloudflare Access the Cache API accepts writes and keeps nothing. A
 * write that cannot be matched back makes answers say `sharing: "none (Cache
 * API unavailable here)"` instead of pretending. Every run is also kept in
 * this isolate's memory, so a cache that keeps nothing costs no more than no
 * sharing at all.
 *
 * @example
 * ```ts
 * createHealth({ checks, cacheMs: 10_000, store: new CacheApiStore({ cache: caches.default, keepMs: 10_000 }) });
 * ```
 */
export class CacheApiStore implements ResultStore {
  readonly scope = 'location' as const;
  readonly #cache: CacheLike | undefined;
  readonly #maxAgeSeconds: number;
  readonly #origin: string;
  readonly #local = new MemoryResultStore();
  #keeps = true;

  constructor(options: CacheApiStoreOptions) {
    this.#cache = options.cache;
    this.#maxAgeSeconds = Math.max(1, Math.ceil(options.keepMs / 1000));
    this.#origin = options.origin ?? 'https://edge-health.results.invalid';
  }

  get sharing(): string {
    return this.#cache && this.#keeps ? 'location (Cache API)' : CACHE_UNAVAILABLE;
  }

  async read(key: string): Promise<StoredRun | undefined> {
    const response = await this.#cache?.match(this.#request(key)).catch(() => undefined);
    const shared = response ? storedRunFrom(await response.json()) : undefined;
    const local = await this.#local.read(key);
    return shared && (!local || shared.at >= local.at) ? shared : local;
  }

  async write(key: string, run: StoredRun): Promise<void> {
    // Why first: a reader must not find this run before the answers know whether the cache kept it.
    this.#keeps = await this.#putAndMatch(key, JSON.stringify(run));
    await this.#local.write(key, run);
  }

  /** Whether the cache kept the run: some caches refuse the write, others accept it and keep nothing. */
  async #putAndMatch(key: string, body: string): Promise<boolean> {
    const cache = this.#cache;
    if (!cache) return false;
    try {
      const headers = { 'Content-Type': 'application/json', 'Cache-Control': `public, max-age=${this.#maxAgeSeconds}` };
      await cache.put(this.#request(key), new Response(body, { headers }));
      const kept = await cache.match(this.#request(key));
      await kept?.body?.cancel();
      return kept !== undefined;
    } catch {
      return false;
    }
  }

  #request(key: string): Request {
    return new Request(`${this.#origin}/runs/${encodeURIComponent(key)}`);
  }
}
