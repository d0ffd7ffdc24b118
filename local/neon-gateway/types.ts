/** A running gateway. */
export interface NeonGateway {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** `url + '/sql'`: what `neonConfig.fetchEndpoint` should return. */
  readonly endpoint: string;
  readonly port: number;
  /** Stops listening, cancels what still runs and closes every database pool. Safe to call twice. */
  close(): Promise<void>;
}

export interface NeonGatewayOptions {
  /** @default 0 (a free port) */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /**
   * Connections kept per connection string. PGlite copes with several (it
   * queues them onto its single session), so this needs no change for it.
   * @default 4
   */
  maxConnectionsPerDatabase?: number;
  /** Bound on opening a database connection; then the request fails with HTTP 500. @default 5000 */
  connectTimeoutMs?: number;
  /** Largest accepted request body. @default 10 MiB */
  maxBodyBytes?: number;
  /**
   * Receives one line per request (method, path, status, duration, SQLSTATE);
   * never a connection string or a password.
   * @default undefined (silent)
   */
  log?: (line: string) => void;
}

/** One column, as node-postgres describes it and Neon's `/sql` returns it. */
export interface FieldJson {
  name: string;
  dataTypeID: number;
  tableID: number;
  columnID: number;
  dataTypeSize: number;
  dataTypeModifier: number;
  format: string;
}

/** The 200 body for one query; a batch answers `{ results: QueryResultJson[] }`. */
export interface QueryResultJson {
  command: string;
  rowCount: number | null;
  rowAsArray: boolean;
  fields: FieldJson[];
  rows: unknown[];
}

/** One statement of a request body, its params already Postgres text. */
export interface QueryData {
  query: string;
  params: (string | null)[];
  /** Per-query override of the `Neon-Array-Mode` header. */
  arrayMode?: boolean;
}

export type SqlPayload = { kind: 'single'; query: QueryData } | { kind: 'batch'; queries: QueryData[] };

/** What the `Neon-*` request headers ask for. */
export interface SqlHeaders {
  rawTextOutput: boolean;
  arrayMode: boolean;
  /** `BEGIN` modes for a batch, e.g. `['ISOLATION LEVEL SERIALIZABLE', 'READ ONLY']`. */
  transactionModes: string[];
  /** Batch headers echoed on the response, as Neon does. */
  echoHeaders: Record<string, string>;
}
