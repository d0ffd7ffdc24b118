import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { drainOnSignal, type DrainOnSignalOptions } from './drain-on-signal.ts';
import { Lifecycle } from './lifecycle.ts';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

function setUp(overrides: Partial<DrainOnSignalOptions> = {}) {
  const handlers = new Map<string, () => void>();
  const lifecycle = new Lifecycle();
  lifecycle.markReady();
  const log: string[] = [];
  const calls: string[] = [];
  const drain = drainOnSignal({
    lifecycle,
    drainDelayMs: 1000,
    shutdownTimeoutMs: 2000,
    onSignal: (signal, handler) => void handlers.set(signal, handler),
    closeListener: () => void calls.push('closeListener'),
    closeAll: () => void calls.push('closeAll'),
    exit: (code) => void calls.push(`exit ${code}`),
    log: (message) => void log.push(message),
    ...overrides,
  });
  const signal = (name: 'SIGTERM' | 'SIGINT'): void => handlers.get(name)?.();
  return { lifecycle, log, calls, drain, signal };
}

describe('drainOnSignal', () => {
  it('drains at once, closes the listener after the delay, then stops and exits 0', async () => {
    const { lifecycle, log, calls, signal } = setUp();
    signal('SIGTERM');
    expect(lifecycle.state).toBe('draining');
    expect(log).toEqual(['edge-health: received SIGTERM: readiness is 503; draining for 1000 ms']);
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual(['closeListener', 'closeAll', 'exit 0']);
    expect(lifecycle.state).toBe('stopped');
    expect(log.at(-1)).toBe('edge-health: stopped');
  });

  it('waits for requests in flight, at most the shutdown timeout', async () => {
    const { lifecycle, log, calls, signal } = setUp();
    let leave: () => void = () => {};
    void lifecycle.requests.track({}, () => new Promise<void>((resolve) => (leave = resolve)));
    signal('SIGTERM');
    await vi.advanceTimersByTimeAsync(1000 + 1999);
    expect(calls).toEqual(['closeListener']);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual(['closeListener', 'closeAll', 'exit 0']);
    expect(log).toContain('edge-health: 1 request(s) still in flight after 2000 ms; closing them');
    leave();
  });

  it('stops as soon as the last request in flight finishes', async () => {
    const { lifecycle, calls, signal } = setUp();
    let leave: () => void = () => {};
    void lifecycle.requests.track({}, () => new Promise<void>((resolve) => (leave = resolve)));
    signal('SIGTERM');
    await vi.advanceTimersByTimeAsync(1500);
    leave();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['closeListener', 'closeAll', 'exit 0']);
  });

  it('logs a second signal and lets the first drain finish on its own schedule', async () => {
    const { log, calls, signal } = setUp();
    signal('SIGTERM');
    await vi.advanceTimersByTimeAsync(500);
    signal('SIGINT');
    signal('SIGTERM');
    expect(log.slice(1)).toEqual(['edge-health: received SIGINT again; still draining', 'edge-health: received SIGTERM again; still draining']);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(500);
    expect(calls).toEqual(['closeListener', 'closeAll', 'exit 0']);
  });

  it('runs once when called directly and by a signal', async () => {
    const { calls, drain, signal } = setUp();
    const first = drain('deploy');
    signal('SIGTERM');
    expect(drain()).toBe(first);
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls.filter((call) => call === 'exit 0')).toHaveLength(1);
  });
});
