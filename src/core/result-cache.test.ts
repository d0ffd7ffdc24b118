import { describe, expect, it, vi } from 'vitest';
import { defineCheck } from './define-check.ts';
import { ResultCache } from './result-cache.ts';
import type { ResultStore } from './result-store.ts';
import type { CheckReport } from './types.ts';

const check = defineCheck({ name: 'db', run: () => ({ status: 'healthy' }) });

const healthy = (): CheckReport[] => [{ name: 'db', category: 'critical', status: 'healthy', latencyMs: 1 }];

/**
 * A runner the test finishes by hand, so "in flight" is a state the test
 * controls; `finish` before the run has started finishes it as it starts.
 */
function gatedRunner(): { runs: number; finish: () => void; runner: () => Promise<CheckReport[]> } {
  let pending: (() => void) | undefined;
  let early = false;
  const state = {
    runs: 0,
    finish: () => {
      if (pending) pending();
      else early = true;
      pending = undefined;
    },
    runner: () => {
      state.runs += 1;
      if (early) return ((early = false), Promise.resolve(healthy()));
      return new Promise<CheckReport[]>((resolve) => (pending = () => resolve(healthy())));
    },
  };
  return state;
}

describe('ResultCache', () => {
  it('lets callers that arrive during a run share it, even with reuse off', async () => {
    const gate = gatedRunner();
    const cache = new ResultCache({ freshMs: 0, runChecks: gate.runner });
    const answers = Promise.all([1, 2, 3].map(() => cache.get('all', [check])));
    gate.finish();
    expect((await answers).map(({ reports }) => reports[0]?.status)).toEqual(['healthy', 'healthy', 'healthy']);
    expect(gate.runs).toBe(1);
    const next = cache.get('all', [check]);
    gate.finish();
    await next;
    expect(gate.runs).toBe(2);
  });

  it('gives a caller that goes away "aborted", and every other caller, now and later, the real result', async () => {
    const gate = gatedRunner();
    const cache = new ResultCache({ freshMs: 60_000, runChecks: gate.runner });
    const owner = new AbortController();
    const owned = cache.get('all', [check], { signal: owner.signal });
    const waiter = cache.get('all', [check], { signal: new AbortController().signal });
    owner.abort();
    expect((await owned).reports[0]).toMatchObject({ status: 'unhealthy', reason: 'aborted' });
    gate.finish();
    expect((await waiter).reports[0]?.status).toBe('healthy');
    expect((await cache.get('all', [check])).reports[0]?.status).toBe('healthy');
    expect(gate.runs).toBe(1);
  });

  it('gives a waiter without a budget its own deadline when the shared run never ends (a run the platform cancelled)', async () => {
    vi.useFakeTimers();
    try {
      const quick = defineCheck({ name: 'db', timeoutMs: 200, run: () => ({ status: 'healthy' }) });
      const cache = new ResultCache({ freshMs: 0, runChecks: () => new Promise<CheckReport[]>(() => {}) });
      let answered: CheckReport[] | undefined;
      void cache.get('k', [quick]).then((result) => (answered = result.reports));
      await vi.advanceTimersByTimeAsync(1150);
      expect(answered).toBeUndefined();
      await vi.advanceTimersByTimeAsync(100);
      expect(answered).toMatchObject([{ name: 'db', status: 'unhealthy', reason: 'timeout' }]);
      expect(answered?.[0]?.message).toContain('past its 200 ms timeout');
    } finally {
      vi.useRealTimers();
    }
  });

  it('stops waking a waiter that joined a run which never ends once its deadline has answered it', async () => {
    vi.useFakeTimers();
    try {
      const quick = defineCheck({ name: 'db', timeoutMs: 200, run: () => ({ status: 'healthy' }) });
      const cache = new ResultCache({ freshMs: 0, runChecks: () => new Promise<CheckReport[]>(() => {}) });
      const caller = { waitUntil: (): void => {} };
      const answers = Promise.all([cache.get('k', [quick], caller), cache.get('k', [quick], caller)]);
      await vi.advanceTimersByTimeAsync(1250);
      expect((await answers).map(({ reports }) => reports[0]?.reason)).toEqual(['timeout', 'timeout']);
      await vi.advanceTimersByTimeAsync(100);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('answers a joiner the moment the run ends where requests share one context (no waitUntil: Node, Deno, Bun)', async () => {
    vi.useFakeTimers();
    try {
      const gate = gatedRunner();
      const cache = new ResultCache({ freshMs: 0, runChecks: gate.runner });
      const answered: string[] = [];
      const first = cache.get('k', [check]).then(() => answered.push('starter'));
      const second = cache.get('k', [check]).then(() => answered.push('joiner'));
      await vi.advanceTimersByTimeAsync(0);
      gate.finish();
      await Promise.all([first, second]);
      expect(answered).toEqual(['starter', 'joiner']);
      expect(gate.runs).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('hands the run to the starter\'s waitUntil, once', async () => {
    const gate = gatedRunner();
    const cache = new ResultCache({ freshMs: 0, runChecks: gate.runner });
    const kept: Promise<unknown>[] = [];
    const waitUntil = (promise: Promise<unknown>): void => void kept.push(promise);
    const answers = Promise.all([cache.get('all', [check], { waitUntil }), cache.get('all', [check], { waitUntil })]);
    gate.finish();
    await answers;
    expect(kept).toHaveLength(1);
  });

  it('answers from the run when the store cannot read or keep it', async () => {
    const broken: ResultStore = {
      scope: 'location',
      read: () => Promise.reject(new Error('store down')),
      write: () => Promise.reject(new Error('store down')),
    };
    const cache = new ResultCache({ freshMs: 1000, store: broken });
    expect((await cache.get('all', [check])).reports[0]?.status).toBe('healthy');
    expect(cache.scope).toBe('location');
  });

  it('reuses a run for freshMs and says how old it is', async () => {
    let now = 1_000;
    const gate = gatedRunner();
    const cache = new ResultCache({ freshMs: 500, runChecks: gate.runner, now: () => now });
    const first = cache.get('all', [check]);
    gate.finish();
    expect((await first).ageMs).toBeUndefined();
    now += 499;
    expect((await cache.get('all', [check])).ageMs).toBe(499);
    now += 1;
    const third = cache.get('all', [check]);
    gate.finish();
    expect((await third).ageMs).toBeUndefined();
    expect(gate.runs).toBe(2);
  });
});

describe('ResultCache stale-while-revalidate', () => {
  const setUp = (staleRefresh?: 'background' | 'before-answer') => {
    const clock = { now: 0 };
    const gate = gatedRunner();
    const cache = new ResultCache({ freshMs: 1000, staleMs: 5000, staleRefresh, runChecks: gate.runner, now: () => clock.now });
    return { clock, gate, cache };
  };

  it('serves a stale result at once, with its age, while one refresh runs for every caller', async () => {
    const { clock, gate, cache } = setUp();
    gate.finish();
    await cache.get('all', [check]);
    clock.now = 2500;
    const kept: Promise<unknown>[] = [];
    const answers = await Promise.all([1, 2, 3].map(() => cache.get('all', [check], { waitUntil: (p) => void kept.push(p) })));
    expect(answers.map(({ ageMs }) => ageMs)).toEqual([2500, 2500, 2500]);
    expect(answers[0]?.reports[0]?.ageMs).toBe(2500);
    expect([gate.runs, kept.length]).toEqual([2, 1]);
    clock.now = 2600;
    gate.finish();
    await kept[0];
    expect(await cache.get('all', [check])).toMatchObject({ ageMs: 0 });
  });

  it('runs the checks for the caller once a result is older than fresh + stale', async () => {
    const { clock, gate, cache } = setUp();
    gate.finish();
    await cache.get('all', [check]);
    clock.now = 6000;
    const answer = cache.get('all', [check]);
    gate.finish();
    expect(await answer).toEqual({ reports: [expect.objectContaining({ status: 'healthy', ageMs: 0 })] });
    expect(gate.runs).toBe(2);
  });

  it('refreshes before answering where the platform freezes after the response', async () => {
    const { clock, gate, cache } = setUp('before-answer');
    gate.finish();
    await cache.get('all', [check]);
    clock.now = 2500;
    const answer = cache.get('all', [check]);
    gate.finish();
    expect((await answer).ageMs).toBeUndefined();
    expect(gate.runs).toBe(2);
  });
});
