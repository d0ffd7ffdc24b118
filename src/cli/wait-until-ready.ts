import { formatDuration } from './duration.ts';
import type { ProbeOutcome } from './probe-outcome.ts';

export interface WaitOptions {
  /** The whole wait's deadline. */
  timeoutMs: number;
  intervalMs: number;
  /** One probe, with the time left as its own deadline. */
  probe: (timeoutMs: number) => Promise<ProbeOutcome>;
  progress: Progress;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Where the wait reports each attempt; ends with `done()`. */
export interface Progress {
  update(outcome: ProbeOutcome, elapsedMs: number, timeoutMs: number): void;
  done(): void;
}

/**
 * Polls until the endpoint answers 2xx (healthy or degraded: ready for traffic)
 * or the deadline passes; returns the last outcome, with `timedOut` if never ready.
 */
export async function waitUntilReady(options: WaitOptions): Promise<{ outcome: ProbeOutcome; timedOut: boolean }> {
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const started = now();
  try {
    for (;;) {
      const left = options.timeoutMs - (now() - started);
      // Why at least 1 s: a last probe squeezed into the wait's final milliseconds would only ever time out.
      const outcome = await options.probe(Math.round(Math.max(1000, Math.min(left, 10_000))));
      options.progress.update(outcome, now() - started, options.timeoutMs);
      if (outcome.exitCode !== 2) return { outcome, timedOut: false };
      const remaining = options.timeoutMs - (now() - started);
      if (remaining <= 0) return { outcome, timedOut: true };
      await sleep(Math.ceil(Math.min(options.intervalMs, remaining)));
    }
  } finally {
    options.progress.done();
  }
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

const describe = (outcome: ProbeOutcome): string =>
  outcome.httpStatus === undefined ? `${outcome.status}: ${outcome.error ?? ''}` : `${outcome.status} (HTTP ${outcome.httpStatus})`;

/**
 * On a terminal one line redrawn in place; into a log one line per change of
 * status, so CI logs stay short.
 */
export function createProgress(stream: { write(text: string): unknown; isTTY?: boolean }): Progress {
  let frame = 0;
  let last = '';
  let drawn = false;
  return {
    update(outcome, elapsedMs, timeoutMs) {
      const text = describe(outcome);
      const clock = `${formatDuration(elapsedMs)} of ${formatDuration(timeoutMs)}`;
      if (stream.isTTY) {
        stream.write(`\r\u001b[2K${FRAMES[frame++ % FRAMES.length]} waiting until ready: ${text} · ${clock}`);
        drawn = true;
      } else if (text !== last) {
        stream.write(`waiting until ready: ${text} · ${clock}\n`);
      }
      last = text;
    },
    done() {
      if (drawn) stream.write('\r\u001b[2K');
    },
  };
}
