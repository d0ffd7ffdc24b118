import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { SeedBody } from '../support/seed-body.ts';
import { startWorker, type RunningWorker } from '../support/miniflare-worker.ts';

const fixtures = inject('fixtures');
const hits = async (id: string): Promise<number> => ((await (await fetch(`${fixtures.http}/hits/${id}`)).json()) as { hits: number }).hits;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('single flight in workerd (the built Worker through Miniflare)', () => {
  const id = `single-flight-${crypto.randomUUID()}`;
  let worker: RunningWorker;
  beforeAll(async () => {
    worker = await startWorker({
      HEALTH_VERSION: 'sf-1',
      HEALTH_HTTP_CHECKS: JSON.stringify([{ name: 'api', url: `${fixtures.http}/tracked/${id}?ms=800`, timeout_ms: 4000 }]),
    });
    // Init runs on the first request; warm the isolate so the probes below only wait on the check.
    expect((await worker.fetch('/health/startup')).status).toBe(200);
  });
  afterAll(() => worker?.stop());

  // Miniflare's dispatchFetch never forwards a client's abort to the Worker, so this shows one shared
  // run and a client that gives up, not an owner whose request ends: test/node/owner-abort.test.ts does that.
  it('shares one run between the starter and later probes, and a client giving up on it costs nothing', async () => {
    const owner = new AbortController();
    const owned = worker.fetch('/health/ready', { signal: owner.signal }).catch((error: unknown) => error);
    await sleep(200);
    const waiters = Promise.all([1, 2, 3].map(() => worker.fetch('/health/ready')));
    await sleep(200);
    owner.abort();
    expect(await owned).toBeInstanceOf(Error);
    const answers = await waiters;
    const bodies = (await Promise.all(answers.map((response) => response.json()))) as SeedBody[];
    expect(answers.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(bodies.map((body) => body.dependencies[0]?.status)).toEqual(['healthy', 'healthy', 'healthy']);
    expect(await hits(id)).toBe(1);
  });
});

describe('a run whose owner goes away, in workerd', () => {
  const id = `orphan-${crypto.randomUUID()}`;
  let worker: RunningWorker;
  beforeAll(async () => {
    worker = await startWorker({
      HEALTH_CACHE_MS: '60000',
      HEALTH_HTTP_CHECKS: JSON.stringify([{ name: 'api', url: `${fixtures.http}/tracked/${id}?ms=600`, timeout_ms: 4000 }]),
    });
    expect((await worker.fetch('/health/startup')).status).toBe(200);
  });
  afterAll(() => worker?.stop());

  it('finishes under waitUntil and serves its result to the next prober, without a second call', async () => {
    const owner = new AbortController();
    const owned = worker.fetch('/health/ready', { signal: owner.signal }).catch((error: unknown) => error);
    await sleep(200);
    owner.abort();
    expect(await owned).toBeInstanceOf(Error);
    await sleep(800);
    const next = await worker.fetch('/health/ready');
    expect(next.status).toBe(200);
    expect(next.headers.get('age')).not.toBeNull();
    expect(((await next.json()) as SeedBody).dependencies[0]?.status).toBe('healthy');
    expect(await hits(id)).toBe(1);
  });
});
