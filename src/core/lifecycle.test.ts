import { describe, expect, it } from 'vitest';
import { Lifecycle, type LifecycleState } from './lifecycle.ts';

const clock = (start = 1_000_000): { now: () => number; advance: (ms: number) => void } => {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
};

describe('Lifecycle transitions', () => {
  const legal: [LifecycleState, LifecycleState][] = [
    ['starting', 'ready'],
    ['starting', 'failed'],
    ['starting', 'draining'],
    ['starting', 'stopped'],
    ['ready', 'draining'],
    ['ready', 'stopped'],
    ['draining', 'ready'],
    ['draining', 'starting'],
    ['draining', 'stopped'],
    ['failed', 'starting'],
    ['failed', 'draining'],
    ['failed', 'stopped'],
  ];
  const states: LifecycleState[] = ['starting', 'ready', 'draining', 'stopped', 'failed'];
  const reach = (target: LifecycleState): Lifecycle => {
    const lifecycle = new Lifecycle();
    const path: Record<LifecycleState, LifecycleState[]> = {
      starting: [],
      ready: ['ready'],
      draining: ['ready', 'draining'],
      stopped: ['stopped'],
      failed: ['failed'],
    };
    for (const step of path[target]) lifecycle.transition(step);
    return lifecycle;
  };

  for (const from of states) {
    for (const to of states) {
      const allowed = legal.some(([a, b]) => a === from && b === to);
      it(`${from} → ${to} is ${allowed ? 'allowed' : 'a programming error'}`, () => {
        const lifecycle = reach(from);
        if (allowed) {
          lifecycle.transition(to);
          expect(lifecycle.state).toBe(to);
        } else {
          expect(() => lifecycle.transition(to)).toThrow(`Illegal lifecycle transition ${from} → ${to}`);
          expect(lifecycle.state).toBe(from);
        }
      });
    }
  }

  it('leaves a drain for starting when init never succeeded, and never undoes a shutdown', async () => {
    const lifecycle = new Lifecycle();
    lifecycle.drain();
    lifecycle.undrain();
    expect(lifecycle.state).toBe('starting');
    await lifecycle.ensureStarted();
    expect(lifecycle.state).toBe('ready');
    lifecycle.shutdown();
    lifecycle.undrain();
    expect(lifecycle.state).toBe('draining');
  });

  it('notifies listeners of each transition', () => {
    const lifecycle = new Lifecycle();
    const seen: LifecycleState[] = [];
    lifecycle.onTransition((state) => seen.push(state));
    lifecycle.markReady();
    lifecycle.drain();
    lifecycle.undrain();
    lifecycle.shutdown();
    lifecycle.undrain();
    lifecycle.stop();
    expect(seen).toEqual(['ready', 'draining', 'ready', 'draining', 'stopped']);
  });
});

describe('Lifecycle init', () => {
  it('shares one init between concurrent callers', async () => {
    let runs = 0;
    const lifecycle = new Lifecycle({
      init: [{ name: 'warm', run: async () => { runs += 1; await new Promise((r) => setTimeout(r, 20)); } }],
    });
    await Promise.all([lifecycle.ensureStarted(), lifecycle.ensureStarted(), lifecycle.ensureStarted()]);
    expect(runs).toBe(1);
    expect(lifecycle.state).toBe('ready');
    await lifecycle.ensureStarted();
    expect(runs).toBe(1);
  });

  it('fails with a redacted reason and retries only after a doubling backoff', async () => {
    const time = clock();
    let attempts = 0;
    const lifecycle = new Lifecycle({
      now: time.now,
      retryDelayMs: 1000,
      secrets: ['tok-abcdef'],
      init: [{ name: 'config', run: () => { attempts += 1; throw new Error('bad token tok-abcdef for postgres://u:pw@h/db'); } }],
    });
    await lifecycle.ensureStarted();
    expect(lifecycle.state).toBe('failed');
    expect(lifecycle.reason).toBe('config: bad token [redacted] for postgres://[redacted]@h/db');
    await lifecycle.ensureStarted();
    expect(attempts).toBe(1);
    time.advance(1000);
    await lifecycle.ensureStarted();
    expect(attempts).toBe(2);
    time.advance(1000);
    await lifecycle.ensureStarted();
    expect(attempts).toBe(2);
    time.advance(1000);
    await lifecycle.ensureStarted();
    expect(attempts).toBe(3);
  });

  it('times out a hanging init task', async () => {
    const lifecycle = new Lifecycle({ init: [{ name: 'hang', timeoutMs: 30, run: (signal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))) }] });
    await lifecycle.ensureStarted();
    expect(lifecycle.state).toBe('failed');
    expect(lifecycle.reason).toMatch(/^hang: /);
  });

  it('fails a task that ignores its signal at its deadline, instead of starting forever', async () => {
    const lifecycle = new Lifecycle({ init: [{ name: 'stubborn', timeoutMs: 40, run: () => new Promise<void>(() => {}) }] });
    const started = performance.now();
    await lifecycle.ensureStarted();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(lifecycle.state).toBe('failed');
    expect(lifecycle.reason).toBe('stubborn: timed out after 40 ms');
  });

  it('refuses init tasks once init has begun', async () => {
    const lifecycle = new Lifecycle();
    await lifecycle.ensureStarted();
    expect(() => lifecycle.addInitTask({ name: 'late', run: () => {} })).toThrow(/after init began/);
  });

  it('is not alive once failed beyond the grace period, nor when stopped', async () => {
    const time = clock();
    const lifecycle = new Lifecycle({ now: time.now, failedGraceMs: 5000, init: [{ name: 'x', run: () => { throw new Error('no'); } }] });
    await lifecycle.ensureStarted();
    expect(lifecycle.alive).toBe(true);
    time.advance(5001);
    expect(lifecycle.alive).toBe(false);
    lifecycle.stop();
    expect(lifecycle.alive).toBe(false);
  });
});

describe('Lifecycle facts', () => {
  it('shows the requests its tracker counted, the cold start and the uptime', async () => {
    const time = clock(Date.UTC(2026, 0, 1));
    const lifecycle = new Lifecycle({ now: time.now, platform: 'node' });
    await lifecycle.requests.track({}, async () => {});
    let inside: unknown;
    await lifecycle.requests.track({}, async () => {
      time.advance(1500);
      inside = lifecycle.facts(false, 'FRA');
    });
    expect(inside).toMatchObject({
      state: 'starting',
      cold_start: false,
      started_at: '2026-01-01T00:00:00.000Z',
      uptime_ms: 1500,
      requests: 2,
      in_flight: 1,
      platform: 'node',
      location: 'FRA',
    });
    expect(lifecycle.facts(false).id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
