import type { Env } from './target.ts';

/** Every variable the deployable app reads, so that none leaks in from the developer's shell. */
const CONFIG_VARIABLE = /^(HEALTH_|DATABASE_URL$|NEON_|POSTGRES_CHECK_|UPSTASH_|REDIS_CHECK_)/;

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs `work` with `env` as the configuration in `process.env`, then puts the
 * previous values back. For targets that run in this process and read their
 * configuration once, when their module loads or on their first request.
 */
export function withProcessEnv<T>(env: Env, work: () => Promise<T>): Promise<T> {
  // Why a queue: two configurations starting at once would see each other's variables.
  const turn = queue.then(() => swapped(env, work));
  queue = turn.catch(() => {});
  return turn;
}

async function swapped<T>(env: Env, work: () => Promise<T>): Promise<T> {
  const saved = { ...process.env };
  for (const name of Object.keys(process.env)) if (CONFIG_VARIABLE.test(name)) delete process.env[name];
  Object.assign(process.env, env);
  try {
    return await work();
  } finally {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  }
}
