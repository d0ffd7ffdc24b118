import type { CheckReport } from './types.ts';

/**
 * Keeps the last reports of each check selection for `ttlMs`, so that many
 * callers polling at once (monitors, load balancers, probes on every node)
 * cost the dependencies one round of checks per `ttlMs`, not one per caller.
 * Only settled results are shared: a pending run is never shared between
 * requests, which Workers do not allow.
 */
export class ResultCache {
  readonly #entries = new Map<string, { at: number; reports: CheckReport[] }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async get(key: string, run: () => Promise<CheckReport[]>): Promise<{ reports: CheckReport[]; ageMs?: number }> {
    if (this.ttlMs <= 0) return { reports: await run() };
    const entry = this.#entries.get(key);
    const age = entry ? this.now() - entry.at : Infinity;
    if (entry && age < this.ttlMs) return { reports: entry.reports, ageMs: age };
    const reports = await run();
    this.#entries.set(key, { at: this.now(), reports });
    return { reports };
  }
}
