import { createAppFromEnv, type App } from './app-from-env.ts';
import { EnvReader, type EnvSource } from './env-reader.ts';

/** How a long-running server (Node, Deno, Bun) listens and drains. */
export interface ServerSettings {
  /** `PORT`, 0 for a free one. @default 8787 */
  port: number;
  /** `HOST`; `0.0.0.0` in a container. @default '127.0.0.1' */
  host: string;
  /** `HEALTH_DRAIN_DELAY_MS`: readiness 503 before the listener closes; 0 for none. @default 5000 */
  drainDelayMs: number;
  /** `HEALTH_SHUTDOWN_TIMEOUT_MS`: the longest wait for in-flight requests. @default 10000 */
  shutdownTimeoutMs: number;
}

/** Reads the server settings, or the problems that make them invalid (each naming its variable). */
export function serverSettingsFromEnv(source: EnvSource): { settings: ServerSettings; problems: readonly string[] } {
  const env = new EnvReader(source);
  const settings: ServerSettings = {
    port: env.port('PORT', 8787),
    host: env.string('HOST') ?? '127.0.0.1',
    drainDelayMs: env.milliseconds('HEALTH_DRAIN_DELAY_MS', 5000, { min: 0, max: 300_000 }),
    shutdownTimeoutMs: env.milliseconds('HEALTH_SHUTDOWN_TIMEOUT_MS', 10_000, { min: 1, max: 300_000 }),
  };
  return { settings, problems: env.problems };
}

/** The one message a server prints before exiting on invalid settings. */
export const invalidConfigurationMessage = (problems: readonly string[]): string =>
  `edge-health: invalid configuration:\n  ${problems.join('\n  ')}`;

/**
 * What every long-running server entry (Node, Deno, Bun) does first: read its
 * settings, stop at once (exit 1) when they are invalid, build the app and
 * start its init, so that readiness is ready by the first probe.
 */
export function serverAppFromEnv(source: EnvSource, platform: string, exit: (code: number) => never): { settings: ServerSettings; app: App } {
  const { settings, problems } = serverSettingsFromEnv(source);
  if (problems.length > 0) {
    console.error(invalidConfigurationMessage(problems));
    exit(1);
  }
  // Why 250 ms: init runs at boot here, and probes have short timeouts.
  const app = createAppFromEnv(source, { platform, initWaitMs: 250 });
  void app.health.lifecycle.ensureStarted();
  return { settings, app };
}
