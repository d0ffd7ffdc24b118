import { execFileSync } from 'node:child_process';
import { PostgresStartError } from './types.ts';

export interface Account {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
}

const FALLBACK_ACCOUNTS = ['postgres', 'nobody'];

/**
 * The account that runs `initdb` and `postgres`: `undefined` (this process's own)
 * unless we are root, since both refuse to run as root.
 */
export function serverAccount(preferred?: string): Account | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const names = preferred === undefined ? FALLBACK_ACCOUNTS : [preferred];
  for (const name of names) {
    const account = lookupAccount(name);
    if (account !== undefined && account.uid !== 0) return account;
  }
  throw new PostgresStartError(
    `Running as root, but no unprivileged account (${names.join(', ')}) exists to run PostgreSQL. ` +
      'Create one (useradd --system postgres) or pass runAsUser.',
  );
}

function lookupAccount(name: string): Account | undefined {
  try {
    const id = (flag: string): number =>
      Number(execFileSync('id', [flag, name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return { name, uid: id('-u'), gid: id('-g') };
  } catch {
    return undefined;
  }
}
