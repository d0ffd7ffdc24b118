/**
 * The dependencies a benchmark server checks, from `BENCH_DEPS` (JSON), the
 * same for every target: no-op checks by default, or real HTTP endpoints and
 * an Upstash REST URL. Peers get them as the plain async functions their
 * users write: a fetch under `AbortSignal.timeout`, since none of them
 * bounds a check by itself.
 */
import { Redis } from '@upstash/redis';

export interface Dep {
  name: string;
  /** An HTTP endpoint; absent for a no-op check. */
  url?: string;
  /** An Upstash REST URL and token: the check is a PING. */
  upstash?: { url: string; token: string };
  timeoutMs: number;
}

export const NOOP_DEPS: Dep[] = ['db', 'cache', 'api'].map((name) => ({ name, timeoutMs: 1000 }));

export function depsFromEnv(): Dep[] {
  return process.env.BENCH_DEPS ? (JSON.parse(process.env.BENCH_DEPS) as Dep[]) : NOOP_DEPS;
}

/** One dependency as a peer's user writes it: resolves when healthy, rejects otherwise. */
export function plainCheck(dep: Dep): () => Promise<void> {
  if (dep.upstash) {
    // Why retries off: the same budget as ours, so that only the timeout mechanism differs.
    const redis = new Redis({ ...dep.upstash, retry: false, signal: () => AbortSignal.timeout(dep.timeoutMs) });
    return async () => {
      await redis.ping();
    };
  }
  const url = dep.url;
  if (!url) return async () => {};
  return async () => {
    const response = await fetch(url, { signal: AbortSignal.timeout(dep.timeoutMs) });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  };
}
