import { randomBytes } from 'node:crypto';
import type { HttpFixtures } from '../../support/http-fixtures.ts';
import type { TestStack } from '../../stack-setup.ts';

/** Something only this run could have written: a leak of it cannot be a coincidence. */
export const distinctive = (prefix: string): string => `${prefix}${randomBytes(10).toString('hex')}`;

/** The check deadline of the timing-out configuration. */
export const FAULT_TIMEOUT_MS = 300;

export interface SecretMatrix {
  /** The secret values, by where they are configured. */
  secrets: Record<string, string>;
  /** A deployment per fault, every secret configured in each. */
  faults: Record<string, Record<string, string>>;
  /** Names for `/ready/<name>`. */
  checkNames: string[];
}

/**
 * Every place a secret can be configured (the database password, the Upstash token,
 * the details token, an external check's URL user-info and header), under each fault:
 * dependencies up, down, timing out, and the configuration invalid.
 */
export function secretMatrix(stack: TestStack, fixtures: Pick<HttpFixtures, 'http' | 'silent' | 'refused'>): SecretMatrix {
  const detailsToken = distinctive('Dt');
  const apiUser = distinctive('Au');
  const apiPassword = distinctive('Ap');
  const apiKey = distinctive('Ak');
  const databaseUser = distinctive('Du');
  const webhookToken = distinctive('Wh');
  const secrets = {
    'DATABASE_URL password': new URL(stack.databaseUrl).password,
    'DATABASE_URL password (stopped server)': new URL(stack.stoppedDatabaseUrl).password,
    'DATABASE_URL user (invalid URL)': databaseUser,
    UPSTASH_REDIS_REST_TOKEN: stack.upstashToken,
    HEALTH_DETAILS_TOKEN: detailsToken,
    'HEALTH_HTTP_CHECKS url user': apiUser,
    'HEALTH_HTTP_CHECKS url password': apiPassword,
    'HEALTH_HTTP_CHECKS header': apiKey,
    'HEALTH_WEBHOOK_URL path token': webhookToken,
  };
  const api = (origin: string, extra: Record<string, unknown> = {}): string => {
    const url = new URL(origin);
    url.username = apiUser;
    url.password = apiPassword;
    return JSON.stringify([{ name: 'api', url: url.href, headers: { 'x-api-key': apiKey }, ...extra }]);
  };
  const up = {
    HEALTH_VERSION: 'secrets-1',
    HEALTH_DETAILS_TOKEN: detailsToken,
    DATABASE_URL: stack.databaseUrl,
    NEON_FETCH_ENDPOINT: stack.neonEndpoint,
    UPSTASH_REDIS_REST_URL: stack.upstashUrl,
    UPSTASH_REDIS_REST_TOKEN: stack.upstashToken,
    HEALTH_HTTP_CHECKS: api(`${fixtures.http}/ok`),
  };
  const down = {
    ...up,
    DATABASE_URL: stack.stoppedDatabaseUrl,
    UPSTASH_REDIS_REST_URL: stack.stoppedRedisUpstashUrl,
    HEALTH_HTTP_CHECKS: api(fixtures.refused),
  };
  const timeout = String(FAULT_TIMEOUT_MS);
  return {
    secrets,
    checkNames: ['postgres', 'redis', 'api'],
    faults: {
      'dependencies up': up,
      'dependencies down': down,
      // Node posts each first sight of a failure and logs the refused POST; elsewhere the webhook is invalid configuration.
      'dependencies down, status webhook refused': { ...down, HEALTH_WEBHOOK_URL: `${fixtures.refused}/services/${webhookToken}` },
      'dependencies timing out': {
        ...up,
        NEON_FETCH_ENDPOINT: `${stack.neonFaults}/hang/sql`,
        POSTGRES_CHECK_TIMEOUT_MS: timeout,
        UPSTASH_REDIS_REST_URL: stack.frozenRedisUpstashUrl,
        REDIS_CHECK_TIMEOUT_MS: timeout,
        HEALTH_HTTP_CHECKS: api(fixtures.silent, { timeout_ms: FAULT_TIMEOUT_MS }),
      },
      'configuration invalid': { ...up, POSTGRES_CHECK_TIMEOUT_MS: 'soon', REDIS_CHECK_CATEGORY: 'sometimes', HEALTH_CACHE_MS: '-1' },
      // Values that sit right where a parser stops: the scheme-less URL's `user:` part, the JSON error's surroundings.
      'configuration invalid around a secret': {
        ...up,
        DATABASE_URL: `${databaseUser}:${new URL(stack.databaseUrl).password}@127.0.0.1:5432/postgres`,
        HEALTH_HTTP_CHECKS: `[{"name":"api","url":"${fixtures.http}/ok","headers":{"x-api-key":"${apiKey}" "x": 1}}]`,
      },
    },
  };
}

/** Where the matrix sends requests: every route, with a check name for each `/ready/<name>`. */
export const matrixPaths = (checkNames: readonly string[]): string[] => [
  '/health/live',
  '/health/ready',
  ...checkNames.map((name) => `/health/ready/${name}`),
  '/health/startup',
  '/health/no-such-route',
];

export const MATRIX_FORMATS: { name: string; query: string; accept?: string }[] = [
  { name: 'default', query: '' },
  { name: 'verbose', query: '?verbose' },
  { name: 'health+json', query: '', accept: 'application/health+json' },
];

export const MATRIX_METHODS = ['GET', 'HEAD', 'POST'] as const;

/** Every request of the matrix for one deployment, with and without the details token. */
export function matrixRequests(checkNames: readonly string[], detailsToken: string): { label: string; path: string; init: RequestInit }[] {
  const requests: { label: string; path: string; init: RequestInit }[] = [];
  for (const path of matrixPaths(checkNames)) {
    for (const format of MATRIX_FORMATS) {
      for (const method of MATRIX_METHODS) {
        for (const token of [undefined, detailsToken]) {
          const headers: Record<string, string> = {};
          if (format.accept) headers.accept = format.accept;
          if (token) headers.authorization = `Bearer ${token}`;
          requests.push({
            label: `${method} ${path}${format.query} (${format.name}, ${token ? 'with' : 'without'} token)`,
            path: `${path}${format.query}`,
            init: { method, headers, ...(method === 'POST' ? { body: '{}' } : {}) },
          });
        }
      }
    }
  }
  return requests;
}
