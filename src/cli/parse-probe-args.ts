import { parseArgs } from 'node:util';
import { parseDuration } from './duration.ts';

export interface ProbeOptions {
  url: URL;
  /** Print the answer as JSON instead of a table. @default false */
  json: boolean;
  /** Sent as `Authorization: Bearer`; from `--token` or `EDGE_HEALTH_TOKEN`. */
  token?: string;
  /** Poll until the endpoint answers 2xx. @default false */
  waitUntilReady: boolean;
  /** One request's deadline, or the whole wait's with `waitUntilReady`. @default 10 s, or 60 s when waiting */
  timeoutMs: number;
  /** Between polls while waiting. @default 2 s */
  intervalMs: number;
  /** `--no-color` turns colour off even on a terminal. @default true */
  color: boolean;
}

export type ParsedCommand = { kind: 'help' } | { kind: 'probe'; options: ProbeOptions } | { kind: 'usage-error'; message: string };

export const USAGE = `Usage: edge-health probe <url> [options]

Asks a health endpoint (e.g. https://service.example/health/ready) how it is and
exits 0 when healthy, 1 when degraded, 2 when unhealthy, not ready or unreachable,
64 on a usage error.

Options:
  --json                  print the answer as JSON (the endpoint's own body)
  --token <token>         send "Authorization: Bearer <token>" to see details;
                          prefer the EDGE_HEALTH_TOKEN variable: it stays out of
                          the process list and shell history
  --wait-until-ready      poll until the endpoint answers 2xx, showing progress
  --timeout <duration>    deadline of one request, or of the whole wait with
                          --wait-until-ready (default 10s, 60s when waiting)
  --interval <duration>   pause between polls (default 2s)
  --no-color              no colour, even on a terminal (NO_COLOR works too)
  -h, --help              show this help

Durations: 500ms, 10s, 2m; a bare number is seconds.`;

const OPTIONS = {
  json: { type: 'boolean' },
  token: { type: 'string' },
  'wait-until-ready': { type: 'boolean' },
  timeout: { type: 'string' },
  interval: { type: 'string' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Reads `probe <url> [options]`; every problem is a usage error naming the fix, never echoing a token. */
export function parseProbeArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): ParsedCommand {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return { kind: 'usage-error', message: error instanceof Error ? error.message : String(error) };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  const [command, target, ...extra] = positionals;
  if (command === undefined) return usageError('Missing command: edge-health probe <url>.');
  if (command !== 'probe') return usageError(`Unknown command ${JSON.stringify(command)}: the only command is "probe".`);
  if (target === undefined) return usageError('Missing <url>: e.g. edge-health probe https://service.example/health/ready');
  if (extra.length > 0) return usageError(`Unexpected argument ${JSON.stringify(extra[0])}: probe takes one <url>.`);
  const url = URL.canParse(target) ? new URL(target) : undefined;
  if (!url || !['http:', 'https:'].includes(url.protocol)) return usageError('<url> must be an absolute http:// or https:// URL, e.g. https://service.example/health/ready.');
  if (url.username || url.password) return usageError('<url> must not hold a user name or password (they would be logged): use EDGE_HEALTH_TOKEN or --token.');

  const waitUntilReady = values['wait-until-ready'] ?? false;
  const timeoutMs = durationOption('--timeout', values.timeout, waitUntilReady ? 60_000 : 10_000);
  const intervalMs = durationOption('--interval', values.interval, 2000);
  if (typeof timeoutMs === 'string') return usageError(timeoutMs);
  if (typeof intervalMs === 'string') return usageError(intervalMs);
  const token = values.token ?? env.EDGE_HEALTH_TOKEN;
  if (token !== undefined && (token === '' || /[\r\n]/.test(token))) return usageError('The token is empty or holds a line break: check --token or EDGE_HEALTH_TOKEN.');
  const options: ProbeOptions = {
    url,
    json: values.json ?? false,
    waitUntilReady,
    timeoutMs,
    intervalMs,
    color: !(values['no-color'] ?? false),
  };
  if (token !== undefined) options.token = token;
  return { kind: 'probe', options };
}

const usageError = (message: string): ParsedCommand => ({ kind: 'usage-error', message });

/** A duration in ms, or the usage message for a bad one. */
function durationOption(flag: string, text: string | undefined, fallback: number): number | string {
  if (text === undefined) return fallback;
  const ms = parseDuration(text);
  if (ms === undefined || ms <= 0) return `${flag} takes a positive duration such as 500ms, 10s or 2m (got ${JSON.stringify(text)}).`;
  return ms;
}
