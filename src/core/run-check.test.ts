import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineCheck } from './define-check.ts';
import { CheckError } from './errors.ts';
import { runCheck } from './run-check.ts';
import { runChecks } from './run-checks.ts';

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

describe('runCheck', () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  afterEach(() => {
    expect(unhandled).toEqual([]);
  });

  it('reports a healthy result with its latency', async () => {
    const check = defineCheck({ name: 'fast', run: async () => ({ status: 'healthy', details: { n: 1 } }) });
    const report = await runCheck(check);
    expect(report).toMatchObject({ name: 'fast', category: 'critical', status: 'healthy', details: { n: 1 } });
    expect(report.latencyMs).toBeGreaterThanOrEqual(0);
    expect(report.reason).toBeUndefined();
  });

  it.each([
    ['declared', { componentType: 'datastore' }, 'datastore'],
    ['not declared', {}, undefined],
  ])('reports the componentType the check %s', async (_label, declared, expected) => {
    const report = await runCheck(defineCheck({ name: 'db', ...declared, run: () => ({ status: 'healthy' }) }));
    expect(report.componentType).toBe(expected);
  });

  it('answers by the deadline even when the check ignores its signal', async () => {
    let finished = false;
    const check = defineCheck({
      name: 'stubborn',
      timeoutMs: 50,
      run: async () => {
        await sleep(400);
        finished = true;
        return { status: 'healthy' };
      },
    });
    const started = performance.now();
    const report = await runCheck(check);
    const elapsed = performance.now() - started;
    expect(report).toMatchObject({ status: 'unhealthy', reason: 'timeout', message: 'timed out after 50 ms' });
    expect(elapsed).toBeGreaterThanOrEqual(45);
    expect(elapsed).toBeLessThan(250);
    expect(finished).toBe(false);
  });

  it('aborts the signal it handed to the check when the deadline passes', async () => {
    let seen: AbortSignal | undefined;
    const check = defineCheck({
      name: 'polite',
      timeoutMs: 30,
      run: async (signal) => {
        seen = signal;
        await sleep(1000, signal);
        return { status: 'healthy' };
      },
    });
    const report = await runCheck(check);
    expect(report.reason).toBe('timeout');
    expect(seen?.aborted).toBe(true);
    expect((seen?.reason as Error).name).toBe('TimeoutError');
  });

  it('cancels what a finished check left running with an AbortError', async () => {
    const signals: AbortSignal[] = [];
    const check = defineCheck({
      name: 'leaky',
      run: async (signal) => {
        signals.push(signal);
        return { status: 'healthy' };
      },
    });
    await runCheck(check);
    await runCheck(check);
    expect(signals.map((signal) => [signal.aborted, (signal.reason as Error).name])).toEqual([
      [true, 'AbortError'],
      [true, 'AbortError'],
    ]);
  });

  it('turns a throw, a rejection and a non-Error rejection into unhealthy', async () => {
    const reports = await runChecks([
      defineCheck({ name: 'throws', run: () => { throw new Error('boom'); } }),
      defineCheck({ name: 'rejects', run: () => Promise.reject(new Error('kaput')) }),
      defineCheck({ name: 'rejects-string', run: () => Promise.reject('plain string') }),
      defineCheck({ name: 'classified', run: () => { throw new CheckError('auth', 'token rejected'); } }),
    ]);
    expect(reports.map((r) => [r.name, r.status, r.reason, r.message])).toEqual([
      ['throws', 'unhealthy', 'error', 'boom'],
      ['rejects', 'unhealthy', 'error', 'kaput'],
      ['rejects-string', 'unhealthy', 'error', 'plain string'],
      ['classified', 'unhealthy', 'auth', 'token rejected'],
    ]);
  });

  it('rejects a malformed result', async () => {
    const check = defineCheck({ name: 'odd', run: async () => ({ status: 'fine' }) as never });
    expect(await runCheck(check)).toMatchObject({ status: 'unhealthy', reason: 'error' });
  });

  it('swallows a rejection that arrives after the deadline', async () => {
    const check = defineCheck({
      name: 'late-reject',
      timeoutMs: 20,
      run: async () => {
        await sleep(60);
        throw new Error('too late');
      },
    });
    expect((await runCheck(check)).reason).toBe('timeout');
    await sleep(80);
  });

  it('stops at once when the request is aborted', async () => {
    const request = new AbortController();
    const check = defineCheck({ name: 'slow', timeoutMs: 5000, run: async (signal) => { await sleep(5000, signal); return { status: 'healthy' }; } });
    setTimeout(() => request.abort(), 20);
    const started = performance.now();
    const report = await runCheck(check, request.signal);
    expect(report).toMatchObject({ status: 'unhealthy', reason: 'aborted' });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('scrubs declared secrets and URL credentials from messages and details', async () => {
    const check = defineCheck({
      name: 'leaky',
      secrets: ['s3cr3t-token'],
      run: () => {
        throw new CheckError('auth', 'failed for postgres://app:hunter22@db.internal/app with s3cr3t-token', {
          details: { url: 'redis://default:pw1234@cache:6379', token: 's3cr3t-token' },
        });
      },
    });
    const report = await runCheck(check);
    const text = JSON.stringify(report);
    expect(text).not.toContain('hunter22');
    expect(text).not.toContain('pw1234');
    expect(text).not.toContain('s3cr3t-token');
    expect(report.message).toContain('postgres://[redacted]@db.internal/app');
  });

  it('runs checks in parallel and keeps registration order', async () => {
    const delays = [120, 10, 60];
    const checks = delays.map((ms, i) =>
      defineCheck({ name: `c${i}`, run: async () => { await sleep(ms); return { status: 'healthy' }; } }),
    );
    const started = performance.now();
    const reports = await runChecks(checks);
    const elapsed = performance.now() - started;
    expect(reports.map((r) => r.name)).toEqual(['c0', 'c1', 'c2']);
    expect(elapsed).toBeLessThan(120 + 10 + 60);
  });

  it('clears its deadline timer when the check finishes first', async () => {
    vi.useFakeTimers();
    try {
      const check = defineCheck({ name: 'quick', timeoutMs: 10_000, run: () => ({ status: 'healthy' }) });
      await runCheck(check);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('defineCheck', () => {
  it.each([
    [{ name: '' }, /name/],
    [{ name: 'has space' }, /name/],
    [{ name: 'ok', timeoutMs: 0 }, /timeoutMs/],
    [{ name: 'ok', timeoutMs: Number.NaN }, /timeoutMs/],
    [{ name: 'ok', category: 'important' }, /category/],
  ])('rejects %j', (options, message) => {
    expect(() => defineCheck({ ...(options as { name: string }), run: () => ({ status: 'healthy' }) })).toThrow(message);
  });

  it('defaults to critical and 5 s', () => {
    const check = defineCheck({ name: 'x', run: () => ({ status: 'healthy' }) });
    expect(check).toMatchObject({ category: 'critical', timeoutMs: 5000 });
  });
});

describe('slowMs', () => {
  it.each([
    [undefined, 80, 'healthy', undefined],
    [20, 80, 'degraded', 'slow'],
    [500, 0, 'healthy', undefined],
  ])('with slowMs %s, a success after %i ms is %s', async (slowMs, delay, status, reason) => {
    const check = defineCheck({
      name: 'db',
      ...(slowMs === undefined ? {} : { slowMs }),
      run: async () => {
        await sleep(delay);
        return { status: 'healthy' };
      },
    });
    const report = await runCheck(check);
    expect([report.status, report.reason]).toEqual([status, reason]);
    if (reason) expect(report.message).toMatch(/^answered in \d+ ms, above its 20 ms threshold$/);
  });

  it('leaves a failure a failure, however slow', async () => {
    const check = defineCheck({ name: 'db', slowMs: 5, run: async () => (await sleep(20), { status: 'unhealthy', reason: 'refused' }) });
    expect(await runCheck(check)).toMatchObject({ status: 'unhealthy', reason: 'refused' });
  });

  it.each([0, -1, 5000, 9000])('refuses slowMs %s (not below the timeout)', (slowMs) => {
    expect(() => defineCheck({ name: 'db', slowMs, run: () => ({ status: 'healthy' }) })).toThrow(/slowMs must be/);
  });
});

describe('runCheck: reasons a check did not give', () => {
  it('shows none for a degraded result without one, and `error` for an unhealthy one', async () => {
    const { defineCheck } = await import('./define-check.ts');
    const degraded = await runCheck(defineCheck({ name: 'soft', run: () => ({ status: 'degraded', message: 'warming up' }) }));
    expect(degraded).toMatchObject({ status: 'degraded', message: 'warming up' });
    expect(degraded).not.toHaveProperty('reason');
    const unhealthy = await runCheck(defineCheck({ name: 'hard', run: () => ({ status: 'unhealthy' }) }));
    expect(unhealthy).toMatchObject({ status: 'unhealthy', reason: 'error' });
  });
});
