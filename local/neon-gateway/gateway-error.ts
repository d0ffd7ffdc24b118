/** A request the gateway refuses before any SQL runs; `message` is safe to show. */
export class GatewayError extends Error {
  override name = 'GatewayError' as const;
  readonly status: number;
  readonly headers: Record<string, string>;

  constructor(status: number, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.headers = headers;
  }
}

/** Opening a database connection failed; `cause` is what node-postgres threw. */
export class DatabaseConnectError extends Error {
  override name = 'DatabaseConnectError' as const;
}
