export interface CleanupTask {
  /** Runs on SIGINT, SIGTERM and SIGHUP, before the signal's default action. */
  stop(): Promise<void>;
  /** Runs in the `exit` event, where only synchronous work gets done. */
  stopSync(): void;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
type Signal = (typeof SIGNALS)[number];

const tasks = new Set<CleanupTask>();

/**
 * Runs `task` if the owning process exits or is signalled before the task is
 * unregistered. Listeners exist only while tasks do; a signal nobody else
 * listens for is re-raised after cleanup, so the process still dies of it
 * exactly as it would have without us.
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
  await Promise.allSettled([...tasks].map((task) => task.stop()));
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
  void onSignal(signal);
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

async function onSignal(signal: Signal): Promise<void> {
  const ownerHandlesSignal = process.listenerCount(signal) > 1;
  await runExitCleanup();
  if (ownerHandlesSignal) return;
  uninstall();
  process.kill(process.pid, signal);
}
