import { spawn, type ChildProcess } from 'node:child_process';

/**
 * `read` returns only at EOF on stdin, which comes when this Node process is
 * gone, however it died: even SIGKILL, which no exit hook sees. Then an
 * immediate shutdown (SIGQUIT), SIGKILL for good measure, and the directory.
 */
const SCRIPT = 'read _; kill -QUIT "$1" 2>/dev/null; sleep 1; kill -KILL "$1" 2>/dev/null; rm -rf "$2"';

/**
 * Starts a tiny detached `sh` that stops the server `pid` and removes `dir`
 * as soon as this process dies. Kill the returned child to disarm it.
 */
export function spawnWatchdog(pid: number, dir: string): ChildProcess {
  const watchdog = spawn('/bin/sh', ['-c', SCRIPT, 'postgres-watchdog', String(pid), dir], {
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
