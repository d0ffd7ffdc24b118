import type { PoolClient } from 'pg';
import { isPostgresError } from './is-postgres-error.ts';
import type { DatabaseTarget } from './parse-connection-string.ts';
import type { PoolRegistry } from './pool-registry.ts';
import { runBatch } from './run-batch.ts';
import { runQuery } from './run-query.ts';
import { sendCancelRequest } from './send-cancel-request.ts';
import type { QueryResultJson, SqlHeaders, SqlPayload } from './types.ts';

/**
 * Runs a request's statements on a pooled connection. If `clientGone` fires,
 * the running statement is cancelled (as Neon does on disconnect) and the
 * connection is discarded afterwards, since a late cancel could hit its next
 * statement. A connection left in a transaction or broken is discarded too.
 *
 * Why `DISCARD ALL` after every request: Neon's HTTP endpoint runs each
 * request in a fresh session, so `SET`, `search_path`, temporary tables and
 * advisory locks must not reach the next caller through our pool.
 */
export async function executePayload(
  pools: PoolRegistry,
  target: DatabaseTarget,
  payload: SqlPayload,
  headers: SqlHeaders,
  clientGone: AbortSignal,
): Promise<QueryResultJson | { results: QueryResultJson[] }> {
  const client = await pools.acquire(target);
  let reusable = true;
  const cancel = (): void => {
    reusable = false;
    void sendCancelRequest(client, target.host, target.port);
  };
  clientGone.addEventListener('abort', cancel, { once: true });
  try {
    clientGone.throwIfAborted();
    return payload.kind === 'single'
      ? await runQuery(client, payload.query, headers)
      : await runBatch(client, payload.queries, { ...headers, signal: clientGone });
  } catch (error) {
    if (!isPostgresError(error)) reusable = false;
    throw error;
  } finally {
    clientGone.removeEventListener('abort', cancel);
    client.release(!(reusable && pools.isIdle(client) && (await resetSession(client))));
  }
}

async function resetSession(client: PoolClient): Promise<boolean> {
  try {
    await client.query('DISCARD ALL');
    return true;
  } catch {
    return false;
  }
}
