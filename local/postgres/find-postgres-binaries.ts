import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const POSTGRES_LIB = '/usr/lib/postgresql';

/**
 * Finds a folder holding the PostgreSQL server binaries (`initdb` and `postgres`):
 * `pg_config --bindir`, then the highest `/usr/lib/postgresql/<version>/bin`, then `PATH`.
 *
 * @example
 * ```ts
 * findPostgresBinaries() // '/usr/lib/postgresql/15/bin' or undefined
 * ```
 */
export function findPostgresBinaries(): string | undefined {
  return [fromPgConfig(), ...fromDebianLayout(), ...fromPath()].find(
    (dir): dir is string => dir !== undefined && hasServerBinaries(dir),
  );
}

export function hasServerBinaries(dir: string): boolean {
  return existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres'));
}

function fromPgConfig(): string | undefined {
  try {
    return execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

function fromDebianLayout(): string[] {
  if (!existsSync(POSTGRES_LIB)) return [];
  return readdirSync(POSTGRES_LIB)
    .filter((name) => /^\d+(\.\d+)?$/.test(name))
    .sort((a, b) => Number(b) - Number(a))
    .map((version) => join(POSTGRES_LIB, version, 'bin'));
}

function fromPath(): string[] {
  return (process.env['PATH'] ?? '').split(delimiter).filter(Boolean);
}
