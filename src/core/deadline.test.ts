import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { raceDeadline } from './deadline.ts';

const never = new Promise<string>(() => {});

describe('raceDeadline', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('settles with the work when it finishes first, and leaves no timer behind', async () => {
    const race = raceDeadline(Promise.resolve('done'), { ms: 1000, onTimeout: () => 'late' });
    await expect(race).resolves.toBe('done');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('passes on a rejection of the work and clears its timer', async () => {
    const race = raceDeadline(Promise.reject(new Error('boom')), { ms: 1000, onTimeout: () => 'late' });
    await expect(race).rejects.toThrow('boom');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('settles with onTimeout once the time is up, even when the work never ends', async () => {
    const race = raceDeadline(never, { ms: 500, onTimeout: () => 'timed out' });
    await vi.advanceTimersByTimeAsync(499);
    let settled = false;
    void race.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(race).resolves.toBe('timed out');
  });

  it('rejects when onTimeout throws', async () => {
    const race = raceDeadline(never, { ms: 10, onTimeout: () => { throw new Error('too slow'); } });
    const outcome = expect(race).rejects.toThrow('too slow');
    await vi.advanceTimersByTimeAsync(10);
    await outcome;
  });

  it.each([
    ['already aborted', true],
    ['aborted while waiting', false],
  ])('settles with onAbort when the signal is %s, and clears its timer', async (_label, before) => {
    const controller = new AbortController();
    if (before) controller.abort();
    const race = raceDeadline(never, { ms: 1000, onTimeout: () => 'late', signal: controller.signal, onAbort: () => 'aborted' });
    controller.abort();
    await expect(race).resolves.toBe('aborted');
    expect(vi.getTimerCount()).toBe(0);
  });

  it("rejects with the signal's reason when no onAbort is given", async () => {
    const controller = new AbortController();
    const race = raceDeadline(never, { ms: 1000, onTimeout: () => 'late', signal: controller.signal });
    controller.abort(new Error('caller left'));
    await expect(race).rejects.toThrow('caller left');
  });

  it('ignores the work once the deadline has won, even if it rejects later', async () => {
    let fail: (error: Error) => void = () => {};
    const work = new Promise<string>((_, reject) => (fail = reject));
    const race = raceDeadline(work, { ms: 10, onTimeout: () => 'timed out' });
    await vi.advanceTimersByTimeAsync(10);
    fail(new Error('late'));
    await expect(race).resolves.toBe('timed out');
  });

  it('sets no timer for an Infinity deadline, and still ends on the signal', async () => {
    const controller = new AbortController();
    const race = raceDeadline(never, { ms: Infinity, onTimeout: () => 'late', signal: controller.signal, onAbort: () => 'aborted' });
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    controller.abort();
    await expect(race).resolves.toBe('aborted');
  });
});
