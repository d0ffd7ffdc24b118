import { describe, expect, it } from 'vitest';
import type { Check, CheckReport } from '../../core/index.ts';
import { noteConnectionQueue, withConnectionQueueNote } from './connection-queue-note.ts';

const report = (name: string, reason?: CheckReport['reason'], message?: string): CheckReport => ({
  name,
  category: 'critical',
  status: reason ? 'unhealthy' : 'healthy',
  latencyMs: 10,
  ...(reason ? { reason } : {}),
  ...(message ? { message } : {}),
});
const run = (count: number, timedOut: number[]): CheckReport[] =>
  Array.from({ length: count }, (_, i) => (timedOut.includes(i) ? report(`c${i}`, 'timeout', 'timed out after 3000 ms') : report(`c${i}`)));
const NOTE = (n: number): string => `timed out after 3000 ms; ${n} checks shared Workers' 6 simultaneous connections — may have waited in the queue`;

describe('noteConnectionQueue', () => {
  it.each([
    ['six checks, one timed out: within the limit, no note', run(6, [5]), []],
    ['seven checks, none timed out', run(7, []), []],
    ['seven checks, the last timed out', run(7, [6]), [[6, NOTE(7)]]],
    ['nine checks, two timed out', run(9, [2, 8]), [[2, NOTE(9)], [8, NOTE(9)]]],
  ] as const)('%s', (_label, reports, noted) => {
    const out = noteConnectionQueue(reports);
    const changed = out.flatMap((r, i) => (r.message === reports[i]?.message ? [] : [[i, r.message]]));
    expect(changed).toEqual(noted);
    expect(out.map((r) => r.status)).toEqual(reports.map((r) => r.status));
  });

  it('blames nothing but the timeout: a refused or failing check keeps its own message', () => {
    const reports = [...run(6, []), report('down', 'network', 'connection refused'), report('bad', 'http_status', 'HTTP 503')];
    expect(noteConnectionQueue(reports)).toEqual(reports);
  });

  it('notes a timed-out check that had no message', () => {
    const reports = [...run(7, []), { ...report('x', 'timeout') }];
    expect(noteConnectionQueue(reports)[7]?.message).toBe("timed out; 8 checks shared Workers' 6 simultaneous connections — may have waited in the queue");
  });
});

describe('withConnectionQueueNote', () => {
  it('wraps a runner so its reports carry the note', async () => {
    const checks = Array.from({ length: 7 }, (_, i) => ({ name: `c${i}` }) as Check);
    const runner = withConnectionQueueNote(async () => run(7, [0]));
    const [first] = await runner(checks, new AbortController().signal);
    expect(first?.message).toBe(NOTE(7));
  });
});
