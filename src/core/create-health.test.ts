import { describe, expect, it, vi } from 'vitest';
import { createHealth } from './create-health.ts';
import { defineCheck } from './define-check.ts';

const request = (path: string): Request => new Request(`http://svc${path}`);

describe('createHealth result cache', () => {
  it('runs the checks once per cacheMs for a selection, and says how old a reused answer is', async () => {
    let runs = 0;
    const check = defineCheck({ name: 'db', run: () => ((runs += 1), { status: 'healthy' }) });
    const other = defineCheck({ name: 'api', run: () => ({ status: 'healthy' }) });
    const health = createHealth({ checks: [check, other], cacheMs: 150 });

    const first = await health.ready(request('/health/ready'));
    expect(first.headers.get('age')).toBeNull();
    const second = await health.ready(request('/health/ready'));
    expect(second.headers.get('age')).toBe('0');
    expect(runs).toBe(1);
    expect(await second.json()).toMatchObject({ status: 'healthy', dependencies: [{ name: 'db' }, { name: 'api' }] });

    // Another selection is another entry.
    await health.ready(request('/health/ready?exclude=api'));
    expect(runs).toBe(2);

    await new Promise((resolve) => setTimeout(resolve, 170));
    const third = await health.ready(request('/health/ready'));
    expect(third.headers.get('age')).toBeNull();
    expect(runs).toBe(3);
  });

  it('runs the checks on every request by default', async () => {
    let runs = 0;
    const health = createHealth({ checks: [defineCheck({ name: 'db', run: () => ((runs += 1), { status: 'healthy' }) })] });
    await health.ready(request('/health/ready'));
    await health.ready(request('/health/ready'));
    expect(runs).toBe(2);
  });
});

describe('createHealth request budget', () => {
  const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
  const checks = [
    defineCheck({ name: 'fast', run: () => ({ status: 'healthy' }) }),
    defineCheck({ name: 'slow', timeoutMs: 10_000, run: async () => (await sleep(3000), { status: 'healthy' }) }),
  ];

  it('answers by the budget, with finished checks as they are and unfinished ones timed out', async () => {
    const health = createHealth({ checks, requestTimeoutMs: 150 });
    const started = performance.now();
    const response = await health.ready(request('/health/ready'));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      dependencies: [
        { name: 'fast', status: 'healthy' },
        { name: 'slow', status: 'unhealthy', reason: 'timeout', message: "unfinished when the request's 150 ms budget ran out" },
      ],
    });
  });

  it('lets a caller ask for less with ?timeout=, never more than the budget', async () => {
    const health = createHealth({ checks, requestTimeoutMs: 100 });
    const body = (await (await health.ready(request('/health/ready?timeout=50'))).json()) as { dependencies: { message?: string }[] };
    expect(body.dependencies[1]?.message).toContain('50 ms budget');
    const capped = (await (await health.ready(request('/health/ready?timeout=60s'))).json()) as { dependencies: { message?: string }[] };
    expect(capped.dependencies[1]?.message).toContain('100 ms budget');
  });

  it.each(['abc', '0', '-1', '1.5'])('answers ?timeout=%s with 400 and a readable message', async (value) => {
    const response = await createHealth({ checks }).ready(request(`/health/ready?timeout=${value}`));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/^timeout must be a positive whole number/);
  });
});

describe('createHealth flap damping', () => {
  it('holds an up check up through one failed run, counting runs, not probes', async () => {
    const verdicts: ('healthy' | 'unhealthy')[] = ['healthy', 'unhealthy', 'unhealthy'];
    const check = defineCheck({ name: 'db', run: () => ({ status: verdicts.shift() ?? 'healthy' }) });
    const health = createHealth({ checks: [check], damping: { failures: 2 } });
    const statuses: unknown[] = [];
    for (let i = 0; i < 3; i += 1) {
      const body = (await (await health.ready(request('/health/ready'))).json()) as { dependencies: { status: string; damping?: unknown }[] };
      statuses.push([body.dependencies[0]?.status, body.dependencies[0]?.damping]);
    }
    expect(statuses).toEqual([
      ['healthy', undefined],
      ['healthy', { raw: 'unhealthy', streak: 1, threshold: 2 }],
      ['unhealthy', undefined],
    ]);
  });
});

describe('createHealth background refresh and status changes', () => {
  it('refreshes every refreshMs once ready, and tells each transition once, however many probes read it', async () => {
    vi.useFakeTimers();
    try {
      const verdicts = ['healthy', 'healthy', 'unhealthy', 'unhealthy', 'healthy'] as const;
      let runs = 0;
      const check = defineCheck({ name: 'db', run: () => ({ status: verdicts[Math.min(runs++, verdicts.length - 1)] ?? 'healthy' }) });
      const changes: string[] = [];
      const health = createHealth({
        checks: [check],
        cacheMs: 60_000,
        refreshMs: 1000,
        onStatusChange: ({ check: name, from, to }) => void changes.push(`${name}: ${from ?? '-'} → ${to}`),
      });
      await health.lifecycle.ensureStarted();
      const stop = health.startRefreshing();
      await vi.advanceTimersByTimeAsync(0);
      for (let second = 1; second <= 4; second += 1) {
        await vi.advanceTimersByTimeAsync(1000);
        for (let probe = 0; probe < 3; probe += 1) await health.ready(request('/health/ready'));
      }
      stop();
      expect(runs).toBe(5);
      expect(changes).toEqual(['db: - → healthy', 'db: healthy → unhealthy', 'db: unhealthy → healthy']);
      await vi.advanceTimersByTimeAsync(5000);
      expect(runs).toBe(5);
    } finally {
      vi.useRealTimers();
    }
  });

  it('never lets a throwing listener change an answer', async () => {
    const health = createHealth({
      checks: [defineCheck({ name: 'db', run: () => ({ status: 'healthy' }) })],
      onStatusChange: () => {
        throw new Error('listener broke');
      },
    });
    expect((await health.ready(request('/health/ready'))).status).toBe(200);
  });
});

describe('createHealth and the second argument servers pass', () => {
  it.each([
    ["Deno's info", { remoteAddr: { hostname: '127.0.0.1' } }],
    ["Bun's server", { port: 8787, requestIP: () => null }],
  ])('answers when handed %s instead of a context with waitUntil', async (_label, second) => {
    const health = createHealth({ checks: [defineCheck({ name: 'db', run: () => ({ status: 'healthy' }) })] });
    const response = await health.ready(request('/health/ready'), second as never);
    expect(response.status).toBe(200);
  });
});
