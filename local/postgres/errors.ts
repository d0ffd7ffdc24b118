/** An ephemeral PostgreSQL server could not be set up; the message says why and what to do. */
export class PostgresStartError extends Error {
  override name = 'PostgresStartError' as const;
}
