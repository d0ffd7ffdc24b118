import { neonCheck } from '../checks/neon/index.ts';
import { upstashCheck } from '../checks/upstash/index.ts';
import { defineCheck, type Check, type CheckCategory, type CheckOptions } from '../core/index.ts';
import { built, type EnvReader } from './env-reader.ts';

/** The seed design's defaults: Postgres critical 3 s, Redis non-critical 2 s. */
export const POSTGRES_DEFAULTS = { category: 'critical', timeoutMs: 3000 } as const;
export const REDIS_DEFAULTS = { category: 'non-critical', timeoutMs: 2000 } as const;

const POSTGRES_VARIABLES: Readonly<Record<string, string>> = {
  connectionString: 'DATABASE_URL',
  fetchEndpoint: 'NEON_FETCH_ENDPOINT',
  category: 'POSTGRES_CHECK_CATEGORY',
  timeoutMs: 'POSTGRES_CHECK_TIMEOUT_MS',
  slowMs: 'POSTGRES_CHECK_SLOW_MS',
};
const REDIS_VARIABLES: Readonly<Record<string, string>> = {
  url: 'UPSTASH_REDIS_REST_URL',
  token: 'UPSTASH_REDIS_REST_TOKEN',
  category: 'REDIS_CHECK_CATEGORY',
  timeoutMs: 'REDIS_CHECK_TIMEOUT_MS',
  slowMs: 'REDIS_CHECK_SLOW_MS',
};

/**
 * `DATABASE_URL` (+ `NEON_FETCH_ENDPOINT`, `POSTGRES_CHECK_CATEGORY`, `POSTGRES_CHECK_TIMEOUT_MS`,
 * `POSTGRES_CHECK_SLOW_MS`) and `UPSTASH_REDIS_REST_URL` + `UPSTASH_REDIS_REST_TOKEN`
 * (+ `REDIS_CHECK_CATEGORY`, `REDIS_CHECK_TIMEOUT_MS`, `REDIS_CHECK_SLOW_MS`,
 * `REDIS_CHECK_WRITE_PROBE`). The check factories validate.
 */
export function dependencyChecksFromEnv(env: EnvReader): Check[] {
  return [postgres(env), redis(env)].filter((check): check is Check => check !== undefined);
}

function postgres(env: EnvReader): Check | undefined {
  const common = commonOptions(env, 'POSTGRES', POSTGRES_DEFAULTS);
  const fetchEndpoint = env.string('NEON_FETCH_ENDPOINT');
  const connectionString = env.string('DATABASE_URL');
  if (connectionString === undefined) {
    if (fetchEndpoint !== undefined) env.problems.push('NEON_FETCH_ENDPOINT is set but DATABASE_URL is not.');
    return unused(env, variableOf(POSTGRES_VARIABLES), common);
  }
  return built(env.problems, variableOf(POSTGRES_VARIABLES), () =>
    neonCheck({ connectionString, ...common, ...(fetchEndpoint === undefined ? {} : { fetchEndpoint }) }),
  );
}

function redis(env: EnvReader): Check | undefined {
  const common = commonOptions(env, 'REDIS', REDIS_DEFAULTS);
  const writeProbe = env.boolean('REDIS_CHECK_WRITE_PROBE', false);
  const url = env.string('UPSTASH_REDIS_REST_URL');
  const token = env.string('UPSTASH_REDIS_REST_TOKEN');
  if (url === undefined && token === undefined) return unused(env, variableOf(REDIS_VARIABLES), common);
  if (url === undefined) {
    env.problems.push('UPSTASH_REDIS_REST_TOKEN is set but UPSTASH_REDIS_REST_URL is not.');
    return undefined;
  }
  if (token === undefined) {
    env.problems.push('UPSTASH_REDIS_REST_URL is set but UPSTASH_REDIS_REST_TOKEN is not.');
    return undefined;
  }
  return built(env.problems, variableOf(REDIS_VARIABLES), () =>
    upstashCheck({ url: url.replace(/\/$/, ''), token, ...common, writeProbe }),
  );
}

type CommonOptions = Pick<CheckOptions, 'category' | 'timeoutMs' | 'slowMs'>;

/** `<PREFIX>_CHECK_CATEGORY`, `_TIMEOUT_MS` and `_SLOW_MS`, unvalidated (the factory judges them). */
function commonOptions(env: EnvReader, prefix: string, defaults: { category: CheckCategory; timeoutMs: number }): CommonOptions {
  const slowMs = env.wholeNumber(`${prefix}_CHECK_SLOW_MS`);
  return {
    category: (env.category(`${prefix}_CHECK_CATEGORY`) ?? defaults.category) as CheckCategory,
    timeoutMs: env.wholeNumber(`${prefix}_CHECK_TIMEOUT_MS`) ?? defaults.timeoutMs,
    ...(slowMs === undefined ? {} : { slowMs }),
  };
}

/**
 * Validates the settings of a check that is not configured, and builds nothing.
 * Why: an invalid setting stays an error even while the URL is unset (or misspelt).
 */
function unused(env: EnvReader, labelOf: (option: string) => string, common: CommonOptions): undefined {
  built(env.problems, labelOf, () => defineCheck({ name: 'unused', ...common, run: () => ({ status: 'healthy' }) }));
  return undefined;
}

/** The variable behind a factory option; an unmapped option is a bug, named plainly rather than hidden. */
const variableOf =
  (variables: Readonly<Record<string, string>>) =>
  (option: string): string =>
    variables[option] ?? `(option ${option})`;
