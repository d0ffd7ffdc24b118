import { env as workerEnv } from 'cloudflare:workers';
import { inject } from 'vitest';
import type { Check, CheckReport } from '../../src/core/index.ts';
import { runCheck } from '../../src/core/index.ts';
import worker from './worker.ts';

/** The test Worker's bindings (test/bindings/wrangler.toml and vitest.config.ts), real Miniflare objects. */
export const env = workerEnv as unknown as Record<string, unknown> & {
  DB: { prepare(query: string): { run(): Promise<unknown> } };
  CACHE: { list(options?: { prefix?: string }): Promise<{ keys: { name: string }[] }> } & Record<string, unknown>;
  BUCKET: { list(): Promise<{ objects: unknown[] }> } & Record<string, unknown>;
  PINGER: never;
  BACKEND: never;
  HYPERDRIVE: { connectionString: string };
  HYPERDRIVE_REFUSED: never;
  HYPERDRIVE_HUNG: never;
};

export const stack = inject('bindings');

export const run = (check: Check): Promise<CheckReport> => runCheck(check);

/** The deployable Worker, as a fresh isolate with these variables on top of the bindings. */
export function callWorker(vars: Record<string, string>, path = '/health/ready'): Promise<Response> {
  return worker.fetch(new Request(`http://health.test${path}`), { ...env, ...vars });
}

/** Waits (up to 5 s) for the blackhole to count no open connection; returns its counts. */
export async function blackholeDrained(): Promise<{ accepted: number; open: number }> {
  const until = Date.now() + 5000;
  for (;;) {
    const stats = (await (await fetch(stack.blackholeStatsUrl)).json()) as { accepted: number; open: number };
    if (stats.open === 0 || Date.now() > until) return stats;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
