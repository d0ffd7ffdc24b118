import { inject, vi } from 'vitest';
import worker from '../../src/worker.ts';
import type { SeedBody } from '../support/seed-body.ts';

export type { SeedBody };

export const fixtures = inject('fixtures');

export type Env = Record<string, unknown>;

/** A fresh env object is a fresh isolate for the Worker: it builds its app per env. */
export const httpChecksEnv = (checks: unknown[], extra: Env = {}): Env => ({
  HEALTH_VERSION: '1.2.3-test',
  HEALTH_HTTP_CHECKS: JSON.stringify(checks),
  ...extra,
});

export function call(env: Env, path: string, init?: RequestInit): Promise<Response> {
  return worker.fetch(new Request(`http://health.test${path}`, init), env);
}

export async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await work();
  return { value, ms: Date.now() - started };
}

export const json = async (response: Response): Promise<SeedBody> => (await response.json()) as SeedBody;

/**
 * Builds a fresh isolate's app from `env` and answers `path`, capturing what it
 * logs: configuration problems go to the log, never to callers.
 */
export async function callLogged(env: Env, path: string, init?: RequestInit): Promise<{ response: Response; text: string; log: string }> {
  const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    const response = await call(env, path, init);
    return { response, text: await response.text(), log: spy.mock.calls.map((args) => args.join(' ')).join('\n') };
  } finally {
    spy.mockRestore();
  }
}

/** What anonymous callers see of an invalid configuration: the count, never the problems. */
export const INVALID_CONFIGURATION = /^startup failed: configuration: invalid \(\d+ problems?; see the service log\)$/;
