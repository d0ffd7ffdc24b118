export interface CleanupTask {
  /**
   * Runs on SIGINT, SIGTERM or SIGHUP that nobody else handles, before the
   * signal takes its course. @default stopSync
   */
  stop?(): Promise<void>;
  /** Runs in the `exit` event, where only synchronous work gets done. */
  stopSync(): void;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
type Signal = (typeof SIGNALS)[number];

const tasks = new Set<CleanupTask>();

/**
 * Runs `task` if this process exits or is signalled before the task is
 * unregistered: the one exit hook of every ephemeral server and temp folder.
 * Listeners exist only while tasks do. A signal the owner handles itself is
 * the owner's decision (the `exit` event still cleans up); one nobody else
 * listens for is re-raised after cleanup, so the process still dies of it
 * exactly as it would have without us. SIGKILL reaches no hook: pair this with
 * a watchdog (`spawnWatchdog`).
 *
 * @returns unregister
 */
export function registerExitCleanup(task: CleanupTask): () => void {
  tasks.add(task);
  if (tasks.size === 1) install();
  return () => {
    if (tasks.delete(task) && tasks.size === 0) uninstall();
  };
}

/** Stops everything registered, e.g. from a test runner's teardown. */
export async function runExitCleanup(): Promise<void> {
  await Promise.allSettled(
    [...tasks].map(async (task) => {
      if (task.stop) await task.stop();
      else task.stopSync();
    }),
  );
}

function install(): void {
  process.on('exit', onExit);
  for (const signal of SIGNALS) process.on(signal, onSignalEvent);
}

function uninstall(): void {
  process.off('exit', onExit);
  for (const signal of SIGNALS) process.off(signal, onSignalEvent);
}

function onSignalEvent(signal: Signal): void {
  if (process.listenerCount(signal) > 1) return;
  void runExitCleanup().then(() => {
    uninstall();
    process.kill(process.pid, signal);
  });
}

function onExit(): void {
  for (const task of [...tasks]) {
    try {
      task.stopSync();
    } catch {
      // Keep going: every other server still deserves its cleanup.
    }
  }
}
