/**
 * Process helpers shared by the ephemeral servers and `npm start`: one exit
 * hook, and a watchdog for the deaths no hook sees.
 * @module
 */
export { registerExitCleanup, runExitCleanup, type CleanupTask } from './exit-cleanup.ts';
export { isProcessAlive, terminate, terminateSync, waitForExit } from './process-control.ts';
export { spawnWatchdog, type WatchdogOptions } from './spawn-watchdog.ts';
