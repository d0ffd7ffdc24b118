import pg from 'pg';
import { CheckError, defineCheck, type Check, type CheckOptions, type CheckResult } from '../../core/index.ts';
import { connectionSecrets, requireBinding, type HyperdriveLike } from './binding-kinds.ts';

export interface HyperdriveCheckOptions extends Omit<CheckOptions, 'name'> {
  /** @default 'hyperdrive' */
  name?: string;
  /** The Hyperdrive binding, e.g. `env.HYPERDRIVE`. */
  hyperdrive: HyperdriveLike;
  /**
   * A read-only query to run. The default also reports the server version.
   * @default "SELECT current_setting('server_version') AS server_version"
   */
  query?: string;
}

const DEFAULT_QUERY = "SELECT current_setting('server_version') AS server_version";

/**
 * A Hyperdrive check: one real query through the binding's connection string
 * with node-postgres (`pg`, one of the two drivers Cloudflare recommends; the
 * Worker needs the `nodejs_compat` flag). The connection is closed on the deadline.
 *
 * Details name the server version, never the connection string, user or host.
 *
 * @example
 * ```ts
 * import { hyperdriveCheck } from 'edge-health/checks/hyperdrive';
 * hyperdriveCheck({ hyperdrive: env.HYPERDRIVE, timeoutMs: 3000 })
 * ```
 */
export function hyperdriveCheck(options: HyperdriveCheckOptions): Check {
  const name = options.name ?? 'hyperdrive';
  const hyperdrive = requireBinding<HyperdriveLike>(name, 'hyperdrive', options.hyperdrive, 'hyperdrive');
  const query = options.query ?? DEFAULT_QUERY;
  return defineCheck({
    ...options,
    componentType: options.componentType ?? 'datastore',
    name,
    secrets: [...(options.secrets ?? []), ...connectionSecrets(hyperdrive)],
    async run(signal): Promise<CheckResult> {
      signal.throwIfAborted();
      const client = new pg.Client({ connectionString: hyperdrive.connectionString });
      // Why a listener: on Workers, closing the socket fails its pending read, which pg
      // reports as a client error after end(); with no listener that is an uncaught error.
      client.on('error', () => {});
      // Why end() and not a cancel request: closing the socket stops a connect
      // as well as a query, and a Worker must not leave a socket behind.
      const close = (): void => void client.end().catch(() => {});
      signal.addEventListener('abort', close, { once: true });
      try {
        await client.connect();
        const result = await client.query<Record<string, unknown>>(query);
        const details: Record<string, unknown> = { rows: result.rowCount ?? result.rows.length };
        const version = result.rows[0]?.server_version;
        if (query === DEFAULT_QUERY && typeof version === 'string') details.server_version = version;
        return { status: 'healthy', details };
      } catch (error) {
        throw signal.aborted ? signal.reason : classifyPgError(error);
      } finally {
        signal.removeEventListener('abort', close);
        await client.end().catch(() => {});
      }
    },
  });
}

/** A SQLSTATE from the server becomes a classified reason; anything else is a connection failure. */
function classifyPgError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const code = (error as Error & { code?: unknown }).code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
    const reason = code.startsWith('28') ? 'auth' : code.startsWith('08') ? 'network' : 'query';
    return new CheckError(reason, `${error.message} (SQLSTATE ${code})`, { cause: error, details: { sqlstate: code } });
  }
  return new Error(`cannot reach the database through Hyperdrive: ${error.message}`, { cause: error });
}
