import { spawn, type ChildProcess } from 'node:child_process';

// `read` returns only at EOF, i.e. when this process is gone, even by SIGKILL, which no exit hook sees.
const SCRIPT = 'read _; kill -KILL "$1" 2>/dev/null; rm -rf "$2"';

/**
 * Starts a tiny `sh` that kills `pid` and removes `dir` as soon as this Node
 * process dies, however it dies. Kill the returned child to disarm it.
 */
export function spawnWatchdog(pid: number, dir: string): ChildProcess {
  const watchdog = spawn('/bin/sh', ['-c', SCRIPT, 'redis-watchdog', String(pid), dir], {
    stdio: ['pipe', 'ignore', 'ignore'],
    detached: true,
  });
  watchdog.on('error', () => {
    // No /bin/sh: the exit hooks still cover every death but SIGKILL.
  });
  watchdog.unref();
  (watchdog.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  return watchdog;
}
