import { Pool, type PoolClient } from 'pg';
import type { DatabaseTarget } from './parse-connection-string.ts';

/** Opening a database connection failed; `cause` is what node-postgres threw. */
export class DatabaseConnectError extends Error {
  override name = 'DatabaseConnectError' as const;
}

export interface PoolRegistryOptions {
  readonly maxConnectionsPerDatabase: number;
  readonly connectTimeoutMs: number;
}

/** One small node-postgres pool per connection string. */
export interface PoolRegistry {
  /** A connection to `target`; rejects with {@link DatabaseConnectError}. */
  acquire(target: DatabaseTarget): Promise<PoolClient>;
  /** Whether the connection's last ReadyForQuery said "idle": not in a transaction. */
  isIdle(client: PoolClient): boolean;
  close(): Promise<void>;
}

const IDLE_TIMEOUT_MS = 30_000;

export function createPoolRegistry(options: PoolRegistryOptions): PoolRegistry {
  const pools = new Map<string, Pool>();
  const transactionStatus = new WeakMap<PoolClient, string>();

  const poolFor = (target: DatabaseTarget): Pool => {
    let pool = pools.get(target.key);
    if (pool === undefined) {
      pool = new Pool({
        host: target.host,
        port: target.port,
        user: target.user,
        password: target.password,
        database: target.database,
        application_name: target.applicationName,
        options: target.options,
        max: options.maxConnectionsPerDatabase,
        connectionTimeoutMillis: options.connectTimeoutMs,
        idleTimeoutMillis: IDLE_TIMEOUT_MS,
        allowExitOnIdle: true,
      });
      // Why: an idle connection the server drops would otherwise crash the process.
      pool.on('error', () => {});
      pool.on('connect', (client) => {
        client.connection.on('readyForQuery', (message: { status: string }) => {
          transactionStatus.set(client, message.status);
        });
      });
      pools.set(target.key, pool);
    }
    return pool;
  };

  return {
    async acquire(target) {
      try {
        return await poolFor(target).connect();
      } catch (error) {
        throw new DatabaseConnectError((error as Error).message, { cause: error });
      }
    },
    isIdle: (client) => (transactionStatus.get(client) ?? 'I') === 'I',
    async close() {
      const all = [...pools.values()];
      pools.clear();
      await Promise.allSettled(all.map((pool) => pool.end()));
    },
  };
}
