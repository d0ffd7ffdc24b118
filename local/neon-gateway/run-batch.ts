import type { PoolClient } from 'pg';
import { runQuery, type OutputOptions } from './run-query.ts';
import type { QueryData, QueryResultJson } from './types.ts';

export interface BatchOptions extends OutputOptions {
  /** e.g. `['ISOLATION LEVEL SERIALIZABLE', 'READ ONLY']` */
  readonly transactionModes: readonly string[];
  /** Checked between statements: a client that went away gets no further statements run. */
  readonly signal: AbortSignal;
}

/** Runs the statements in ONE transaction, committed only if every one succeeds. */
export async function runBatch(client: PoolClient, queries: readonly QueryData[], options: BatchOptions): Promise<{ results: QueryResultJson[] }> {
  const modes = options.transactionModes.join(', ');
  await client.query(modes === '' ? 'BEGIN' : `BEGIN ${modes}`);
  const results: QueryResultJson[] = [];
  try {
    for (const query of queries) {
      options.signal.throwIfAborted();
      results.push(await runQuery(client, query, options));
    }
  } catch (error) {
    // Why: the statement's error is the answer; a failed ROLLBACK leaves the
    // connection non-idle, and the caller discards it.
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
  await client.query('COMMIT');
  return { results };
}
