import { describe, expect, it } from 'vitest';
import { RequestTracker } from './request-tracker.ts';

describe('RequestTracker', () => {
  it('counts each tracked request, knows the cold start and wakes idle waiters when the last one ends', async () => {
    const tracker = new RequestTracker();
    const [first, second] = [{}, {}];
    let finishFirst: () => void = () => {};
    let finishSecond: () => void = () => {};
    const a = tracker.track(first, () => new Promise<void>((resolve) => (finishFirst = resolve)));
    const b = tracker.track(second, () => new Promise<void>((resolve) => (finishSecond = resolve)));
    expect([tracker.count, tracker.inFlight]).toEqual([2, 2]);
    expect([tracker.isColdStart(first), tracker.isColdStart(second)]).toEqual([true, false]);

    let idle = false;
    const waiting = tracker.idle().then(() => (idle = true));
    finishFirst();
    await a;
    await Promise.resolve();
    expect(idle).toBe(false);
    finishSecond();
    await b;
    await waiting;
    expect([tracker.count, tracker.inFlight]).toEqual([2, 0]);
  });

  it('counts a request out when its handler throws', async () => {
    const tracker = new RequestTracker();
    await expect(tracker.track({}, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(tracker.inFlight).toBe(0);
    await tracker.idle();
  });
});
