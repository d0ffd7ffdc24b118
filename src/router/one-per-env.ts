import { errorResponse, redact } from '../core/index.ts';

// Requests without an env object (Node, Next.js, `app.request()` in tests) share one key.
const NO_ENV = {};

/** What to do with options that throw, and how to tell the developer. */
export interface OnePerEnvSettings<T> {
  /** What answers while the options are invalid: it must give a 503 without details. */
  misconfigured: (answer: () => Promise<Response>) => T;
  /** @default console.error */
  onError?: ((message: string) => void) | undefined;
}

/**
 * One `T` (one health: one lifecycle, one result cache) per env object, built on
 * its first request: Workers allow no random values at global scope, and a build
 * step that imports the module (`next build`) must not need the runtime's
 * configuration. A build that throws answers 503 (the log says why, callers
 * only that something is wrong) and is tried again on the next request.
 */
export function onePerEnv<Env, T>(build: (env: Env) => T, settings: OnePerEnvSettings<T>): (env: Env) => T {
  const onError = settings.onError ?? ((message: string) => console.error(message));
  const built = new WeakMap<object, T>();
  return (env) => {
    const key = typeof env === 'object' && env !== null ? env : NO_ENV;
    const known = built.get(key);
    if (known !== undefined) return known;
    let value: T;
    try {
      value = build(env);
    } catch (error) {
      onError(`edge-health: invalid health options: ${redact(error instanceof Error ? error.message : String(error))}`);
      return settings.misconfigured(async () => errorResponse(503, 'The health checks are misconfigured; the server log says why.'));
    }
    built.set(key, value);
    return value;
  };
}
