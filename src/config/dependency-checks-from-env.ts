import { neonCheck } from '../checks/neon/index.ts';
import { upstashCheck } from '../checks/upstash/index.ts';
import { ConfigError, type Check } from '../core/index.ts';
import type { EnvReader } from './env-reader.ts';

/** The seed design's defaults: Postgres critical 3 s, Redis non-critical 2 s. */
export const POSTGRES_DEFAULTS = { category: 'critical', timeoutMs: 3000 } as const;
export const REDIS_DEFAULTS = { category: 'non-critical', timeoutMs: 2000 } as const;

/**
 * `DATABASE_URL` (+ `NEON_FETCH_ENDPOINT`, `POSTGRES_CHECK_CATEGORY`, `POSTGRES_CHECK_TIMEOUT_MS`)
 * and `UPSTASH_REDIS_REST_URL` + `UPSTASH_REDIS_REST_TOKEN` (+ `REDIS_CHECK_CATEGORY`,
 * `REDIS_CHECK_TIMEOUT_MS`, `REDIS_CHECK_WRITE_PROBE`).
 */
export function dependencyChecksFromEnv(env: EnvReader): Check[] {
  return [postgres(env), redis(env)].filter((check): check is Check => check !== undefined);
}

function postgres(env: EnvReader): Check | undefined {
  const category = env.category('POSTGRES_CHECK_CATEGORY', POSTGRES_DEFAULTS.category);
  const timeoutMs = env.milliseconds('POSTGRES_CHECK_TIMEOUT_MS', POSTGRES_DEFAULTS.timeoutMs);
  const endpoint = env.url('NEON_FETCH_ENDPOINT');
  const connectionString = env.string('DATABASE_URL');
  if (connectionString === undefined) {
    if (endpoint) env.problems.push('NEON_FETCH_ENDPOINT is set but DATABASE_URL is not.');
    return undefined;
  }
  if (!env.checkUrl('DATABASE_URL', connectionString, ['postgres:', 'postgresql:'])) return undefined;
  return build(env, 'DATABASE_URL', () =>
    neonCheck({ connectionString, category, timeoutMs, ...(endpoint ? { fetchEndpoint: endpoint.href } : {}) }),
  );
}

function redis(env: EnvReader): Check | undefined {
  const category = env.category('REDIS_CHECK_CATEGORY', REDIS_DEFAULTS.category);
  const timeoutMs = env.milliseconds('REDIS_CHECK_TIMEOUT_MS', REDIS_DEFAULTS.timeoutMs);
  const writeProbe = env.boolean('REDIS_CHECK_WRITE_PROBE', false);
  const url = env.url('UPSTASH_REDIS_REST_URL');
  const token = env.string('UPSTASH_REDIS_REST_TOKEN');
  if (url === undefined && token === undefined) return undefined;
  if (url === undefined || token === undefined) {
    if (url === undefined && env.string('UPSTASH_REDIS_REST_URL') === undefined) {
      env.problems.push('UPSTASH_REDIS_REST_TOKEN is set but UPSTASH_REDIS_REST_URL is not.');
    } else if (token === undefined) {
      env.problems.push('UPSTASH_REDIS_REST_URL is set but UPSTASH_REDIS_REST_TOKEN is not.');
    }
    return undefined;
  }
  return build(env, 'UPSTASH_REDIS_REST_URL', () =>
    upstashCheck({ url: url.href.replace(/\/$/, ''), token, category, timeoutMs, writeProbe }),
  );
}

function build(env: EnvReader, variable: string, make: () => Check): Check | undefined {
  try {
    return make();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    env.problems.push(`${variable}: ${error.message}`);
    return undefined;
  }
}
