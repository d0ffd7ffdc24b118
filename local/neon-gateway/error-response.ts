import { GatewayError } from '../server/index.ts';
import { DatabaseConnectError } from './pool-registry.ts';
import { isPostgresError, type PostgresError } from './is-postgres-error.ts';

/** The error fields Neon's `/sql` answers with (HTTP 400), which the driver copies onto `NeonDbError`. */
const POSTGRES_ERROR_FIELDS = [
  'code', 'detail', 'hint', 'position', 'internalPosition', 'internalQuery', 'severity', 'where',
  'table', 'column', 'schema', 'dataType', 'constraint', 'file', 'line', 'routine',
] as const satisfies readonly (keyof PostgresError)[];

export interface ErrorResponse {
  readonly status: number;
  readonly body: Record<string, string | null>;
  readonly headers: Record<string, string>;
}

/**
 * Maps a failure to Neon's answer: a Postgres error (from a statement, or one
 * that refused the connection such as a wrong password) is 400 with its
 * fields; a refused request is its own 4xx; a database that cannot be reached
 * or a connection lost mid-query is 500, which the driver reports as
 * "Server error (HTTP status 500): …".
 */
export function errorResponse(error: unknown): ErrorResponse {
  if (error instanceof GatewayError) return { status: error.status, body: { message: error.message }, headers: error.headers };
  const connecting = error instanceof DatabaseConnectError;
  const cause = connecting ? error.cause : error;
  if (isPostgresError(cause)) return { status: 400, body: postgresErrorBody(cause), headers: {} };
  const reason = cause instanceof Error ? cause.message : String(cause);
  const message = connecting
    ? `Couldn't connect to the database: ${reason}`
    : `The database connection failed during the query: ${reason}`;
  return { status: 500, body: { message }, headers: {} };
}

function postgresErrorBody(error: PostgresError): Record<string, string | null> {
  const body: Record<string, string | null> = { message: error.message };
  for (const field of POSTGRES_ERROR_FIELDS) {
    const value = error[field];
    body[field] = value === undefined || value === null ? null : String(value);
  }
  return body;
}
