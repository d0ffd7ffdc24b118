import { describe, expect, it } from 'vitest';
import { readAnswer, unreachable, type ProbeOutcome } from './probe-outcome.ts';
import { createProgress, waitUntilReady } from './wait-until-ready.ts';

/** A clock that moves only when the wait sleeps or a probe takes time. */
function fakeClock(): { now: () => number; sleep: (ms: number) => Promise<void>; advance: (ms: number) => void } {
  let time = 0;
  return { now: () => time, sleep: async (ms) => void (time += ms), advance: (ms) => void (time += ms) };
}

const refused = (): ProbeOutcome => unreachable(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }), 1000, 1);
const silent = { update: () => {}, done: () => {} };

describe('waitUntilReady', () => {
  it('polls every interval until the endpoint answers 2xx, and returns that answer', async () => {
    const clock = fakeClock();
    const answers = [refused(), readAnswer(503, '{"status":"not_started"}', 1), readAnswer(200, '{"status":"degraded"}', 1)];
    const asked: number[] = [];
    const result = await waitUntilReady({
      timeoutMs: 60_000,
      intervalMs: 2000,
      probe: async () => (asked.push(clock.now()), answers.shift() ?? refused()),
      progress: silent,
      ...clock,
    });
    expect(result).toMatchObject({ timedOut: false, outcome: { status: 'degraded', exitCode: 1 } });
    expect(asked).toEqual([0, 2000, 4000]);
  });

  it('gives up at the deadline with the last answer, never sleeping past it', async () => {
    const clock = fakeClock();
    const asked: number[] = [];
    const result = await waitUntilReady({
      timeoutMs: 5000,
      intervalMs: 2000,
      probe: async () => (asked.push(clock.now()), readAnswer(503, '{"status":"draining"}', 1)),
      progress: silent,
      ...clock,
    });
    expect(result).toMatchObject({ timedOut: true, outcome: { status: 'draining' } });
    expect(asked).toEqual([0, 2000, 4000, 5000]);
  });

  it('gives each probe only the time left of the wait, at most 10 s', async () => {
    const clock = fakeClock();
    const deadlines: number[] = [];
    await waitUntilReady({
      timeoutMs: 25_000,
      intervalMs: 10_000,
      probe: async (timeoutMs) => (deadlines.push(timeoutMs), clock.advance(timeoutMs), refused()),
      progress: silent,
      ...clock,
    });
    expect(deadlines).toEqual([10_000, 5000]);
  });
});

describe('createProgress', () => {
  const writes = (isTTY: boolean): { lines: string[]; stream: { isTTY: boolean; write: (text: string) => void } } => {
    const lines: string[] = [];
    return { lines, stream: { isTTY, write: (text) => void lines.push(text) } };
  };

  it('into a log, writes one line per change of status', () => {
    const { lines, stream } = writes(false);
    const progress = createProgress(stream);
    progress.update(refused(), 0, 60_000);
    progress.update(refused(), 2000, 60_000);
    progress.update(readAnswer(503, '{"status":"not_started"}', 1), 4000, 60_000);
    progress.done();
    expect(lines).toEqual([
      'waiting until ready: unreachable: connection refused (is the service running on that port?) · 0 ms of 60 s\n',
      'waiting until ready: not_started (HTTP 503) · 4 s of 60 s\n',
    ]);
  });

  it('on a terminal, redraws one line per attempt and clears it at the end', () => {
    const { lines, stream } = writes(true);
    const progress = createProgress(stream);
    progress.update(refused(), 0, 60_000);
    progress.update(refused(), 2000, 60_000);
    progress.done();
    expect(lines).toHaveLength(3);
    expect(lines.every((line) => line.startsWith('\r\u001b[2K'))).toBe(true);
    expect(lines[1]).toContain('⠙ waiting until ready: unreachable');
    expect(lines[2]).toBe('\r\u001b[2K');
  });
});
