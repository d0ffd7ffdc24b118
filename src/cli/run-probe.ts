import { choosePaint } from './paint.ts';
import { parseProbeArgs, USAGE } from './parse-probe-args.ts';
import { probeOnce } from './probe-once.ts';
import type { ProbeOutcome } from './probe-outcome.ts';
import { renderOutcome } from './render-outcome.ts';
import { createProgress, waitUntilReady } from './wait-until-ready.ts';

/** What the command needs from its process; tests and the bin pass their own. */
export interface CliIo {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

/** The usage-error exit code (BSD sysexits EX_USAGE). */
export const EXIT_USAGE = 64;

/** `edge-health probe <url>`: returns the exit code. */
export async function runProbe(io: CliIo): Promise<number> {
  const command = parseProbeArgs(io.argv, io.env);
  if (command.kind === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command.kind === 'usage-error') {
    io.stderr.write(`edge-health: ${command.message}\n\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  const { options } = command;
  const probe = (timeoutMs: number): Promise<ProbeOutcome> =>
    probeOnce({ url: options.url, timeoutMs, ...(options.token === undefined ? {} : { token: options.token }) });
  let outcome: ProbeOutcome;
  let timedOut = false;
  if (options.waitUntilReady) {
    ({ outcome, timedOut } = await waitUntilReady({ timeoutMs: options.timeoutMs, intervalMs: options.intervalMs, probe, progress: createProgress(io.stderr) }));
  } else {
    outcome = await probe(options.timeoutMs);
  }
  if (options.json) io.stdout.write(`${JSON.stringify(outcome.body ?? { status: outcome.status, ...(outcome.error ? { error: outcome.error } : {}) })}\n`);
  else io.stdout.write(renderOutcome(options.url, outcome, choosePaint(io.stdout.isTTY, io.env, options.color)));
  if (timedOut) io.stderr.write(`edge-health: not ready within ${options.timeoutMs / 1000} s (last: ${outcome.status})\n`);
  return outcome.exitCode;
}
