import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const WELL_KNOWN_DIRS = ['/usr/bin', '/usr/sbin', '/usr/local/bin'];

/**
 * The path of a `redis-server` executable: the first on `PATH`, then in the
 * usual install directories, or `undefined` if there is none.
 *
 * @example
 * ```ts
 * const server = findRedisServer(); // '/usr/bin/redis-server'
 * ```
 */
export function findRedisServer(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const pathDirs = (env['PATH'] ?? '').split(delimiter).filter((dir) => dir.length > 0);
  for (const dir of new Set([...pathDirs, ...WELL_KNOWN_DIRS])) {
    const candidate = join(dir, 'redis-server');
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
