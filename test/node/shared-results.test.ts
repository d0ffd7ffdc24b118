import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CACHE_UNAVAILABLE, OWNER_UNREACHABLE } from '../../src/adapters/cloudflare/index.ts';
import { redisDelta, startCountedStack, type CountedStack } from '../support/counted-stack.ts';
import { startIsolates, type IsolatesOptions, type RunningIsolates } from '../support/miniflare-isolates.ts';

const fixtures = inject('fixtures');
const ISOLATES = 4;
const PROBES = 400;
const hits = async (id: string): Promise<number> => ((await (await fetch(`${fixtures.http}/hits/${id}`)).json()) as { hits: number }).hits;

/** What the probes cost each dependency, counted at the servers, and what they were told. */
interface Cost {
  statuses: number[];
  sharing: string[];
  postgres: number;
  redis: number;
  api: number;
}

describe(`check results shared by ${ISOLATES} Worker isolates (workerd), counted at the real servers`, () => {
  let stack: CountedStack;
  beforeAll(async () => {
    stack = await startCountedStack();
  }, 120_000);
  afterAll(() => stack?.stop());

  /** Starts the isolates, sends `probe` probes spread over them, and counts what reached the servers. */
  async function cost(share: string, probe: (isolates: RunningIsolates, apiId: string) => Promise<Response[]>, options: Partial<IsolatesOptions> = {}, apiTimeoutMs = 5000): Promise<Cost> {
    const apiId = `shared-${crypto.randomUUID()}`;
    const bindings = {
      ...stack.env,
      HEALTH_CACHE_MS: '60000',
      HEALTH_SHARE: share,
      HEALTH_HTTP_CHECKS: JSON.stringify([{ name: 'external-api', url: `${fixtures.http}/tracked/${apiId}?ms=100`, timeout_ms: apiTimeoutMs }]),
      ...options.bindings,
    };
    const isolates = await startIsolates({ count: ISOLATES, ...options, bindings });
    try {
      const before = await stack.calls();
      const responses = await probe(isolates, apiId);
      const after = await stack.calls();
      const bodies = (await Promise.all(responses.map((response) => response.json()))) as { sharing?: string }[];
      return {
        statuses: [...new Set(responses.map((response) => response.status))],
        sharing: [...new Set(bodies.map((body) => body.sharing ?? 'unsaid'))],
        postgres: after.postgres - before.postgres,
        redis: redisDelta(before, after, 'ping'),
        api: await hits(apiId),
      };
    } finally {
      await isolates.stop();
    }
  }

  const burst = (isolates: RunningIsolates): Promise<Response[]> =>
    Promise.all(Array.from({ length: PROBES }, (_, i) => isolates.fetch(i % ISOLATES, '/health/ready')));
  /** One probe at the first isolate, then the burst at all of them. */
  const afterOne = async (isolates: RunningIsolates): Promise<Response[]> => [await isolates.fetch(0, '/health/ready'), ...(await burst(isolates))];

  it(`without sharing, each isolate costs the dependencies its own run: ${ISOLATES} isolates, ${ISOLATES} runs (single flight per isolate only)`, async () => {
    expect(await cost('none', afterOne)).toEqual({ statuses: [200], sharing: ['unsaid'], postgres: ISOLATES, redis: ISOLATES, api: ISOLATES });
  });

  it(`through the Cache API the isolates of one location share one run per period: ${PROBES + 1} probes, one run`, async () => {
    expect(await cost('cache', afterOne)).toEqual({ statuses: [200], sharing: ['location (Cache API)'], postgres: 1, redis: 1, api: 1 });
  });

  it('where the Cache API keeps nothing (as on *.workers.dev), answers say results are not shared and each isolate runs once', async () => {
    expect(await cost('cache', afterOne, { cacheAPI: false })).toEqual({ statuses: [200], sharing: [CACHE_UNAVAILABLE], postgres: ISOLATES, redis: ISOLATES, api: ISOLATES });
  });

  it(`through the Durable Object the whole deployment shares one run per period, even for a burst at ${ISOLATES} cold isolates`, async () => {
    expect(await cost('durable-object', burst)).toEqual({ statuses: [200], sharing: ['deployment (Durable Object)'], postgres: 1, redis: 1, api: 1 });
  });

  it('when the Durable Object does not answer in time, each isolate checks for itself, keeps that run, and says so', async () => {
    const twoEach = async (isolates: RunningIsolates): Promise<Response[]> => {
      const first = await Promise.all([0, 1].map((i) => isolates.fetch(i, '/health/ready')));
      return [...first, ...(await Promise.all([0, 1].map((i) => isolates.fetch(i, '/health/ready'))))];
    };
    const result = await cost('durable-object', twoEach, {
      owner: 'unreachable',
      // Why short deadlines: the first probe at each isolate waits for the owner that long before checking itself.
      bindings: { HEALTH_SHARE_REACH_MS: '200', POSTGRES_CHECK_TIMEOUT_MS: '1000', REDIS_CHECK_TIMEOUT_MS: '1000' },
    }, 1000);
    expect(result).toEqual({ statuses: [200], sharing: [OWNER_UNREACHABLE], postgres: 2, redis: 2, api: 2 });
  });

  it('a Cron Trigger refreshes the shared result: a probe at another isolate afterwards costs the dependencies nothing', async () => {
    const scheduledThenProbe = async (isolates: RunningIsolates, apiId: string): Promise<Response[]> => {
      await isolates.scheduled(0);
      expect(await hits(apiId)).toBe(1);
      return [await isolates.fetch(1, '/health/ready')];
    };
    expect(await cost('cache', scheduledThenProbe)).toEqual({ statuses: [200], sharing: ['location (Cache API)'], postgres: 1, redis: 1, api: 1 });
  });

  it('with HEALTH_SHARE_REFRESH_MS the Durable Object keeps the result fresh with an alarm, without further probes', async () => {
    const oneProbeThenWait = async (isolates: RunningIsolates, apiId: string): Promise<Response[]> => {
      const answer = await isolates.fetch(0, '/health/ready');
      expect(await hits(apiId)).toBe(1);
      // Why 4 s for a 1 s refresh: alarms on a loaded machine fire late; one refresh is enough to show it.
      await new Promise((resolve) => setTimeout(resolve, 4000));
      return [answer];
    };
    const result = await cost('durable-object', oneProbeThenWait, { count: 1, bindings: { HEALTH_CACHE_MS: '1000', HEALTH_SHARE_REFRESH_MS: '1000' } });
    expect(result.api).toBeGreaterThanOrEqual(2);
    expect(result.postgres).toBe(result.api);
  });
});
