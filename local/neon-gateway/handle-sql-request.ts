import type { IncomingMessage, ServerResponse } from 'node:http';
import { GatewayError, readBody, sendJson } from '../server/index.ts';
import { errorResponse } from './error-response.ts';
import { executePayload } from './execute-payload.ts';
import { isPostgresError } from './is-postgres-error.ts';
import { parseConnectionString } from './parse-connection-string.ts';
import { parsePayload } from './parse-payload.ts';
import { parseSqlHeaders } from './parse-sql-headers.ts';
import type { PoolRegistry } from './pool-registry.ts';
import { redactSecrets } from './redact-secrets.ts';

export interface SqlHandlerContext {
  readonly pools: PoolRegistry;
  readonly maxBodyBytes: number;
  readonly log: ((line: string) => void) | undefined;
}

const CORS_HEADERS = { 'Access-Control-Allow-Origin': '*' };
const PREFLIGHT_HEADERS = {
  ...CORS_HEADERS,
  'Access-Control-Allow-Methods': 'POST, OPTIONS',
  'Access-Control-Allow-Headers':
    'Authorization, Content-Type, Neon-Connection-String, Neon-Raw-Text-Output, Neon-Array-Mode, ' +
    'Neon-Batch-Isolation-Level, Neon-Batch-Read-Only, Neon-Batch-Deferrable',
  'Access-Control-Max-Age': '86400',
};

/** `POST /sql` as Neon serves it to @neondatabase/serverless; everything else is a JSON 4xx. */
export async function handleSqlRequest(
  request: IncomingMessage,
  response: ServerResponse,
  context: SqlHandlerContext,
): Promise<void> {
  const started = performance.now();
  const path = new URL(request.url ?? '/', 'http://gateway').pathname;
  const clientGone = new AbortController();
  response.once('close', () => {
    if (!response.writableFinished) clientGone.abort();
  });
  let secrets: readonly string[] = [];
  let note = '';
  try {
    if (path !== '/sql') throw new GatewayError(404, `Not found: ${path}. The Neon SQL-over-HTTP endpoint is POST /sql`);
    if (request.method === 'OPTIONS') return sendJson(response, 204, undefined, PREFLIGHT_HEADERS);
    if (request.method !== 'POST') {
      throw new GatewayError(405, `Method ${request.method} not allowed: use POST /sql`, { Allow: 'POST, OPTIONS' });
    }
    const target = parseConnectionString(request.headers['neon-connection-string']);
    secrets = target.secrets;
    const headers = parseSqlHeaders(request.headers);
    const payload = parsePayload((await readBody(request, context.maxBodyBytes)).toString('utf8'));
    const result = await executePayload(context.pools, target, payload, headers, clientGone.signal);
    sendJson(response, 200, result, { ...CORS_HEADERS, ...(payload.kind === 'batch' ? headers.echoHeaders : {}) });
  } catch (error) {
    const answer = errorResponse(error);
    if (isPostgresError(error) || isPostgresError((error as { cause?: unknown } | null)?.cause)) note = ` ${answer.body['code']}`;
    sendJson(response, answer.status, redactSecrets(answer.body, secrets), { ...CORS_HEADERS, ...answer.headers });
  } finally {
    const status = clientGone.signal.aborted ? 'client closed' : String(response.statusCode);
    context.log?.(`${request.method} ${path} ${status}${note} ${Math.round(performance.now() - started)}ms`);
  }
}
