/**
 * Process helpers shared by the ephemeral servers.
 * @module
 */
export { spawnWatchdog, type WatchdogOptions } from './spawn-watchdog.ts';
