import { spawn, type ChildProcess } from 'node:child_process';

/**
 * `read` returns only at EOF on stdin, which comes when this Node process is
 * gone, however it died: even SIGKILL, which no exit hook sees. Then the
 * server's own immediate-shutdown signal, SIGKILL for good measure, and the directory.
 */
const SCRIPT = 'read _; kill -"$3" "$1" 2>/dev/null; sleep 1; kill -KILL "$1" 2>/dev/null; rm -rf "$2"';

export interface WatchdogOptions {
  /** Named in the process list, e.g. `postgres-watchdog`. */
  label: string;
  /** The first signal sent, e.g. `QUIT` for PostgreSQL's immediate shutdown. @default 'KILL' */
  signal?: 'QUIT' | 'TERM' | 'KILL';
}

/**
 * Starts a tiny detached `sh` that stops the server `pid` and removes `dir`
 * as soon as this process dies. A negative `pid` names a process group
 * (`kill -TERM -<pgid>`), e.g. a detached child with children of its own.
 * Kill the returned child to disarm it.
 */
export function spawnWatchdog(pid: number, dir: string, options: WatchdogOptions): ChildProcess {
  const watchdog = spawn('/bin/sh', ['-c', SCRIPT, options.label, String(pid), dir, options.signal ?? 'KILL'], {
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
