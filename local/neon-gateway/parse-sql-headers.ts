import type { IncomingHttpHeaders } from 'node:http';
import { GatewayError } from '../server/index.ts';
import type { SqlHeaders } from './types.ts';

const ISOLATION_LEVELS: Record<string, string> = {
  ReadUncommitted: 'READ UNCOMMITTED',
  ReadCommitted: 'READ COMMITTED',
  RepeatableRead: 'REPEATABLE READ',
  Serializable: 'SERIALIZABLE',
};

/** Reads the `Neon-*` headers the way Neon does: a flag is on only when it is exactly `true`. */
export function parseSqlHeaders(headers: IncomingHttpHeaders): SqlHeaders {
  const flag = (name: string): boolean => headers[name] === 'true';
  const transactionModes: string[] = [];
  const echoHeaders: Record<string, string> = {};
  const isolation = headers['neon-batch-isolation-level'];
  if (isolation !== undefined) {
    const level = typeof isolation === 'string' ? ISOLATION_LEVELS[isolation] : undefined;
    if (level === undefined) {
      throw new GatewayError(
        400,
        `invalid isolation level: Neon-Batch-Isolation-Level must be one of ${Object.keys(ISOLATION_LEVELS).join(', ')}`,
      );
    }
    transactionModes.push(`ISOLATION LEVEL ${level}`);
    echoHeaders['Neon-Batch-Isolation-Level'] = isolation as string;
  }
  if (flag('neon-batch-read-only')) {
    transactionModes.push('READ ONLY');
    echoHeaders['Neon-Batch-Read-Only'] = 'true';
  }
  if (flag('neon-batch-deferrable')) {
    transactionModes.push('DEFERRABLE');
    echoHeaders['Neon-Batch-Deferrable'] = 'true';
  }
  return {
    rawTextOutput: flag('neon-raw-text-output'),
    arrayMode: flag('neon-array-mode'),
    transactionModes,
    echoHeaders,
  };
}
