import { Client } from 'pg';

export interface WaitOptions {
  readonly deadline: number;
  /** Stops waiting early, e.g. when the server process has exited. */
  readonly gaveUp: () => boolean;
}

const RETRY_MS = 50;

/** Polls until `url` accepts a connection and answers `SELECT 1`; rejects with the last error. */
export async function waitUntilAccepting(url: string, options: WaitOptions): Promise<void> {
  let lastError: unknown;
  while (Date.now() < options.deadline && !options.gaveUp()) {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      lastError = error;
    } finally {
      await client.end().catch(() => {});
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
  throw lastError instanceof Error ? lastError : new Error('The server never accepted a connection');
}
