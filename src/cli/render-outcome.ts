import { formatDuration } from './duration.ts';
import type { Paint, Tone } from './paint.ts';
import type { ProbeOutcome } from './probe-outcome.ts';

const TONES: Readonly<Record<string, Tone>> = { healthy: 'good', started: 'good', degraded: 'warn' };
const ICONS: Readonly<Record<string, string>> = { healthy: '✓', started: '✓', degraded: '!' };

/** A status as an icon and a word, so that meaning never rests on colour alone. */
export function statusLabel(status: string, paint: Paint): string {
  return paint(TONES[status] ?? 'bad', `${ICONS[status] ?? '✗'} ${status}`);
}

interface Row {
  name: string;
  status: string;
  category: string;
  latency: string;
  reason: string;
}

/** The table a person reads: the verdict, then one row per dependency. */
export function renderOutcome(url: URL, outcome: ProbeOutcome, paint: Paint): string {
  const head = `${paint('bold', 'edge-health')} ${url.href}`;
  const http = outcome.httpStatus === undefined ? '' : ` (HTTP ${outcome.httpStatus}, ${formatDuration(outcome.elapsedMs)})`;
  const lines = [head, `status   ${statusLabel(outcome.status, paint)}${http}`];
  const body = outcome.body ?? {};
  if (outcome.error) lines.push(`error    ${outcome.error}`);
  for (const key of ['message', 'error', 'version'] as const) {
    if (typeof body[key] === 'string') lines.push(`${key.padEnd(8)} ${body[key]}`);
  }
  const rows = dependencyRows(body.dependencies);
  if (rows.length > 0) lines.push('', ...table(rows, paint));
  return `${lines.join('\n')}\n`;
}

function dependencyRows(value: unknown): Row[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null)
    .map((item) => ({
      name: String(item.name ?? '?'),
      status: String(item.status ?? '?'),
      category: String(item.category ?? ''),
      latency: typeof item.latency_ms === 'number' ? `${item.latency_ms} ms` : '',
      reason: [item.reason, item.message].filter((part) => typeof part === 'string').join(': '),
    }));
}

function table(rows: Row[], paint: Paint): string[] {
  const headers: Row = { name: 'CHECK', status: 'STATUS', category: 'CATEGORY', latency: 'LATENCY', reason: 'REASON' };
  const width = (key: keyof Row, extra = 0): number => Math.max(...[headers, ...rows].map((row) => row[key].length + extra));
  // Why +2 for the status: its icon and space are added after padding is measured.
  const widths = { name: width('name'), status: width('status', 2), category: width('category'), latency: width('latency') };
  const line = (row: Row, status: string): string =>
    [row.name.padEnd(widths.name), status, row.category.padEnd(widths.category), row.latency.padStart(widths.latency), row.reason].join('  ').trimEnd();
  return [
    paint('dim', line(headers, headers.status.padEnd(widths.status))),
    ...rows.map((row) => line(row, statusLabel(row.status, paint) + ' '.repeat(widths.status - row.status.length - 2))),
  ];
}
