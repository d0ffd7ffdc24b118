/** A throwaway PostgreSQL server for development and tests. */
export interface EphemeralPostgres {
  /** `postgres://user:password@127.0.0.1:PORT/database` */
  readonly url: string;
  readonly port: number;
  /** Real server binaries, or PGlite (Postgres compiled to WASM) served in-process. */
  readonly kind: 'binary' | 'pglite';
  /** Shuts the server down and removes everything it wrote. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartBinaryPostgresOptions {
  /**
   * Folder holding `initdb` and `postgres`.
   * @default the result of `findPostgresBinaries()`
   */
  bindir?: string;
  /** @default 'postgres' */
  user?: string;
  /** @default a random 24-character hex string */
  password?: string;
  /** Created when it is not `postgres`. @default 'postgres' */
  database?: string;
  /** @default a free port on 127.0.0.1 */
  port?: number;
  /**
   * The unprivileged account that runs `initdb` and `postgres` when this
   * process is root (both refuse to run as root).
   * @default 'postgres', else 'nobody'
   */
  runAsUser?: string;
  /** Where the temporary data directory is created. @default os.tmpdir() */
  tmpDir?: string;
  /** Bound on `initdb` plus the wait for the first accepted connection. @default 30000 */
  startTimeoutMs?: number;
  /** Grace for a fast shutdown before SIGKILL. @default 5000 */
  stopTimeoutMs?: number;
}

export interface StartPgliteOptions {
  /** @default a free port on 127.0.0.1 */
  port?: number;
  /**
   * Client connections accepted at once. PGlite is a single session: each
   * connection gets it for a whole statement cycle or transaction while the
   * others wait their turn.
   * @default 16
   */
  maxConnections?: number;
}

export interface StartPostgresOptions extends StartBinaryPostgresOptions, StartPgliteOptions {
  /**
   * `'binary'` uses server binaries when found and falls back to PGlite;
   * `'pglite'` always uses PGlite.
   * @default 'binary'
   */
  prefer?: 'binary' | 'pglite';
}

/** An ephemeral PostgreSQL server could not be set up; the message says why and what to do. */
export class PostgresStartError extends Error {
  override name = 'PostgresStartError' as const;
}
