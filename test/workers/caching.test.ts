import { describe, expect, it } from 'vitest';
import worker from '../../src/worker.ts';
import { call, callLogged, fixtures, httpChecksEnv, json } from './helpers.ts';

const hits = async (id: string): Promise<number> => ((await (await fetch(`${fixtures.http}/hits/${id}`)).json()) as { hits: number }).hits;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('HEALTH_STALE_MS (stale-while-revalidate) in workerd', () => {
  it('answers stale probes from the last result, with its age, while one refresh reaches the dependency', async () => {
    const id = `stale-${crypto.randomUUID()}`;
    const env = httpChecksEnv([{ name: 'api', url: `${fixtures.http}/tracked/${id}?ms=400` }], { HEALTH_CACHE_MS: '100', HEALTH_STALE_MS: '60000' });
    const first = await json(await call(env, '/health/ready'));
    expect(first.dependencies[0]).toMatchObject({ status: 'healthy', age_ms: 0 });
    await sleep(250);

    const kept: Promise<unknown>[] = [];
    const ctx = { waitUntil: (promise: Promise<unknown>) => void kept.push(promise) };
    const stale = await Promise.all([1, 2, 3, 4, 5].map(() => worker.fetch(new Request('http://health.test/health/ready'), env, ctx)));
    // Answered from the stored result, before the 400 ms refresh could have finished.
    expect(kept).toHaveLength(1);
    expect(stale.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    for (const response of stale) {
      expect(Number(response.headers.get('age'))).toBeGreaterThanOrEqual(0);
      const body = await json(response);
      expect(body.dependencies[0]?.age_ms).toBeGreaterThanOrEqual(250);
    }
    await Promise.all(kept);
    expect(await hits(id)).toBe(2);
    // The refresh replaced the stored result: the next answer is younger than the stale ones.
    const refreshed = await json(await call(env, '/health/ready'));
    expect(refreshed.dependencies[0]?.age_ms).toBeLessThan(250);
  });

  it('names an invalid value in the log with the range it accepts, never quoting it', async () => {
    const { text, log } = await callLogged(httpChecksEnv([], { HEALTH_STALE_MS: 'a while' }), '/health/startup');
    expect(log).toContain('HEALTH_STALE_MS must be a whole number of milliseconds from 0 to 3600000.');
    expect((JSON.parse(text) as { message: string }).message).toMatch(/^configuration: invalid \(1 problem/);
    for (const shown of [text, log]) expect(shown).not.toContain('a while');
  });
});

describe('HEALTH_REQUEST_TIMEOUT_MS and ?timeout= in workerd', () => {
  it('answers by the budget with the unfinished check timed out, and the run it left goes on to serve the next probe', async () => {
    const id = `budget-${crypto.randomUUID()}`;
    const env = httpChecksEnv([{ name: 'api', url: `${fixtures.http}/tracked/${id}?ms=800`, timeout_ms: 5000 }], {
      HEALTH_REQUEST_TIMEOUT_MS: '5000',
      HEALTH_CACHE_MS: '60000',
    });
    await call(env, '/health/startup');
    const hurried = await call(env, '/health/ready?timeout=100');
    expect(hurried.status).toBe(503);
    expect((await json(hurried)).dependencies[0]).toMatchObject({ status: 'unhealthy', reason: 'timeout' });
    const patient = await json(await call(env, '/health/ready'));
    expect(patient.dependencies[0]).toMatchObject({ status: 'healthy' });
    expect(await hits(id)).toBe(1);
  });

  it('answers a malformed ?timeout= with 400', async () => {
    const response = await call(httpChecksEnv([]), '/health/ready?timeout=soon');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toContain('timeout must be a positive whole number');
  });
});
