type Cleanup = () => void;

const cleanups = new Set<Cleanup>();
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
const signalHandlers = new Map<NodeJS.Signals, () => void>();

function runCleanups(): void {
  for (const cleanup of [...cleanups]) {
    try {
      cleanup();
    } catch {
      // Best effort: one failed cleanup must not stop the others.
    }
  }
  cleanups.clear();
}

function install(): void {
  process.on('exit', runCleanups);
  for (const signal of SIGNALS) {
    const handler = (): void => {
      // Someone else also listens: they own the exit decision, and 'exit' still cleans up.
      if (process.listenerCount(signal) > 1) return;
      runCleanups();
      uninstall();
      // Our listener suppressed Node's default; re-raise so the process dies by the signal as it would have.
      process.kill(process.pid, signal);
    };
    signalHandlers.set(signal, handler);
    process.on(signal, handler);
  }
}

function uninstall(): void {
  process.off('exit', runCleanups);
  for (const [signal, handler] of signalHandlers) process.off(signal, handler);
  signalHandlers.clear();
}

/**
 * Runs `cleanup` (synchronously) when this process exits, or gets SIGINT or
 * SIGTERM while nobody else handles them. Returns a function that unregisters it.
 */
export function onProcessExit(cleanup: Cleanup): () => void {
  if (cleanups.size === 0) install();
  cleanups.add(cleanup);
  return () => {
    if (cleanups.delete(cleanup) && cleanups.size === 0) uninstall();
  };
}
