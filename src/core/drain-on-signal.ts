import { raceDeadline } from './deadline.ts';
import type { Lifecycle } from './lifecycle.ts';

/** The drain's timings: how long to keep serving, then how long to wait for requests in flight. */
export interface DrainTimings {
  /**
   * How long to keep serving after the signal, with readiness 503, so that load
   * balancers take the instance out of rotation before the listener closes.
   */
  drainDelayMs: number;
  /** The longest wait for requests in flight once the listener is closed. */
  shutdownTimeoutMs: number;
}

/**
 * Per-platform defaults. Why Lambda's are short: after SIGTERM an execution
 * environment has about 300-500 ms before SIGKILL, and no load balancer to drain.
 */
export const DRAIN_DEFAULTS: Readonly<Record<'server' | 'lambda', DrainTimings>> = {
  server: { drainDelayMs: 5000, shutdownTimeoutMs: 10_000 },
  lambda: { drainDelayMs: 0, shutdownTimeoutMs: 250 },
};

export interface DrainOnSignalOptions extends Partial<DrainTimings> {
  lifecycle: Lifecycle;
  /** Subscribes to a process signal: `process.on`, `Deno.addSignalListener`. */
  onSignal: (signal: 'SIGTERM' | 'SIGINT', handler: () => void) => void;
  /** @default ['SIGTERM', 'SIGINT'] */
  signals?: readonly ('SIGTERM' | 'SIGINT')[];
  /** Stops accepting connections; requests in flight go on. */
  closeListener?: () => void;
  /** Cuts whatever is still open once the shutdown timeout has passed. */
  closeAll?: () => void;
  /** Resolves when no request is in flight. @default lifecycle.idle() */
  idle?: () => Promise<void>;
  /** How many requests are in flight, for the log. @default lifecycle.inFlight */
  inFlight?: () => number;
  /** Ends the process once stopped: `process.exit`, `Deno.exit`. */
  exit: (code: number) => void;
  /** @default console.log */
  log?: (message: string) => void;
}

/** Runs the drain now, as the first signal would (tests and `shutdown()` helpers). */
export type Drain = (reason?: string) => Promise<void>;

/**
 * The one SIGTERM drain every long-lived platform uses (Node, Deno, Bun, the
 * Lambda entry): readiness 503 at once while liveness stays 200, a drain delay,
 * the listener closed, requests in flight finished (at most the shutdown
 * timeout), then exit 0. A second signal is logged and changes nothing: a
 * Ctrl-C pressed twice must not cut the drain short.
 */
export function drainOnSignal(options: DrainOnSignalOptions): Drain {
  const { lifecycle } = options;
  const defaults = DRAIN_DEFAULTS.server;
  const drainDelayMs = options.drainDelayMs ?? defaults.drainDelayMs;
  const shutdownTimeoutMs = options.shutdownTimeoutMs ?? defaults.shutdownTimeoutMs;
  const log = options.log ?? ((message: string) => console.log(message));
  const idle = options.idle ?? (() => lifecycle.idle());
  const inFlight = options.inFlight ?? (() => lifecycle.inFlight);

  let draining: Promise<void> | undefined;
  const drain: Drain = (reason = 'shutting down') => {
    draining ??= (async () => {
      lifecycle.shutdown(reason);
      log(`edge-health: ${reason}: readiness is 503; draining for ${drainDelayMs} ms`);
      await sleep(drainDelayMs);
      options.closeListener?.();
      const finished = await within(idle(), shutdownTimeoutMs);
      if (!finished) log(`edge-health: ${inFlight()} request(s) still in flight after ${shutdownTimeoutMs} ms; closing them`);
      options.closeAll?.();
      lifecycle.stop(reason);
      log('edge-health: stopped');
      options.exit(0);
    })();
    return draining;
  };

  for (const signal of options.signals ?? ['SIGTERM', 'SIGINT']) {
    options.onSignal(signal, () => {
      if (draining) log(`edge-health: received ${signal} again; still draining`);
      else void drain(`received ${signal}`);
    });
  }
  return drain;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether `work` settled within `ms`. */
const within = (work: Promise<unknown>, ms: number): Promise<boolean> =>
  raceDeadline(work.then(() => true), { ms, onTimeout: () => false });
