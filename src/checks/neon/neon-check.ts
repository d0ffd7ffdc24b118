import { neon, type NeonQueryFunction } from '@neondatabase/serverless';
import { CheckError, ConfigError, decodedUserInfo, defineCheck, parseCheckUrl, type Check, type CheckOptions, type CheckResult, type FailureReason } from '../../core/index.ts';
import { routeNeonHost } from './neon-endpoints.ts';

/** What the check needs of a query function: `neon()`'s `sql.query`. */
export type NeonQuery = Pick<NeonQueryFunction<false, false>, 'query'>;

export interface NeonCheckOptions extends Omit<CheckOptions, 'name'> {
  /** @default 'postgres' */
  name?: string;
  /** A Postgres connection string (`postgres://user:password@host/db`). Either this or `sql`. */
  connectionString?: string;
  /** Your existing `neon()` query function. Either this or `connectionString`. */
  sql?: NeonQuery;
  /**
   * Where to send the SQL-over-HTTP queries for this database's host, e.g. a local
   * gateway `http://127.0.0.1:4444/sql`. Only with `connectionString`.
   * @default Neon's own endpoint for the host
   */
  fetchEndpoint?: string;
  /**
   * The query to run. The default also reports the server version.
   * @default "SELECT current_setting('server_version') AS server_version"
   */
  query?: string;
  /** @default [] */
  params?: unknown[];
}

const DEFAULT_QUERY = "SELECT current_setting('server_version') AS server_version";

const SQLSTATE_REASONS: [RegExp, FailureReason][] = [
  [/^28/, 'auth'], // invalid authorization
  [/^08/, 'network'], // connection exception
  [/^57P0[1-3]$/, 'refused'], // admin shutdown, crash shutdown, cannot connect now
  [/^53/, 'unexpected_response'], // insufficient resources
];

/**
 * A Postgres check over HTTP with `@neondatabase/serverless` (`neon()`):
 * one query, cancelled through the check's AbortSignal.
 *
 * Details name the server version and row count, never the connection string,
 * user, password or host.
 *
 * @example
 * ```ts
 * neonCheck({ connectionString: env.DATABASE_URL, timeoutMs: 3000 })
 * ```
 */
export function neonCheck(options: NeonCheckOptions): Check {
  const name = options.name ?? 'postgres';
  const { sql, secrets } = queryFunction(name, options);
  const query = options.query ?? DEFAULT_QUERY;
  const params = options.params ?? [];

  return defineCheck({
    ...options,
    componentType: options.componentType ?? 'datastore',
    name,
    secrets: [...(options.secrets ?? []), ...secrets],
    async run(signal): Promise<CheckResult> {
      let result: { rows: Record<string, unknown>[]; rowCount: number | null };
      try {
        result = (await sql.query(query, params, { fullResults: true, fetchOptions: { signal } })) as unknown as typeof result;
      } catch (error) {
        throw classifyNeonError(error, signal);
      }
      const details: Record<string, unknown> = { rows: result.rowCount ?? result.rows.length };
      const version = result.rows[0]?.server_version;
      if (query === DEFAULT_QUERY && typeof version === 'string') details.server_version = version;
      return { status: 'healthy', details };
    },
  });
}

function queryFunction(name: string, options: NeonCheckOptions): { sql: NeonQuery; secrets: string[] } {
  if (options.sql) {
    if (options.connectionString || options.fetchEndpoint) {
      throw new ConfigError(`Check "${name}": pass either sql or connectionString (with fetchEndpoint), not both.`);
    }
    return { sql: options.sql, secrets: [] };
  }
  const raw = options.connectionString;
  if (!raw) {
    throw new ConfigError(
      `Check "${name}": no database connection string was provided. Pass connectionString (e.g. env.DATABASE_URL) or sql. Perhaps an environment variable has not been set?`,
    );
  }
  const url = parseCheckUrl(name, 'connectionString', raw, ['postgres:', 'postgresql:'], 'must be a postgres:// or postgresql:// URL (postgres://user:password@host/db)');
  const { user, password } = decodedUserInfo(name, 'connectionString', url);
  if (options.fetchEndpoint !== undefined) {
    const endpoint = parseCheckUrl(name, 'fetchEndpoint', options.fetchEndpoint, ['http:', 'https:'], 'must be an absolute http or https URL');
    routeNeonHost(url.hostname, endpoint.href, url.port || undefined);
  }
  return {
    sql: neon(raw),
    secrets: [raw, url.password, user, password, url.hostname].filter((s) => s.length >= 4),
  };
}

/** Neon's errors carry a SQLSTATE, an HTTP status or the fetch failure: classify without leaking them. */
function classifyNeonError(error: unknown, signal: AbortSignal): unknown {
  if (signal.aborted) return signal.reason;
  if (!(error instanceof Error)) return error;
  const { code, sourceError } = error as Error & { code?: unknown; sourceError?: unknown };
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
    const reason = SQLSTATE_REASONS.find(([pattern]) => pattern.test(code))?.[1] ?? 'query';
    return new CheckError(reason, `${error.message} (SQLSTATE ${code})`, { cause: error, details: { sqlstate: code } });
  }
  const http = /^Server error \(HTTP status (\d{3})\)/.exec(error.message);
  if (http) {
    const status = Number(http[1]);
    const reason: FailureReason = status === 401 || status === 403 ? 'auth' : 'http_status';
    return new CheckError(reason, `the SQL-over-HTTP endpoint answered HTTP ${status}`, { cause: error, details: { status_code: status } });
  }
  if (sourceError !== undefined) return sourceError instanceof Error ? withContext(sourceError) : error;
  // Why: a connection lost while the driver reads the body reaches us raw, as fetch's own
  // TypeError ("terminated" in Node, "Network connection lost." in workerd): a network fault.
  if (error instanceof TypeError || /network connection lost/i.test(error.message)) return withContext(error);
  return new CheckError('protocol', error.message, { cause: error });
}

/** Keeps the fetch failure's own classification (code, cause) but says what failed. */
function withContext(source: Error): Error {
  const wrapped = new Error(`cannot reach the database over HTTP: ${source.message}`, { cause: source });
  return wrapped;
}
