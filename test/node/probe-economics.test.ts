import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serve, type Served } from '../../src/adapters/node/index.ts';
import { createAppFromEnv } from '../../src/config/index.ts';
import { startCountedStack, redisDelta, type CountedStack, type DependencyCalls } from '../support/counted-stack.ts';
import { startWorker, type RunningWorker } from '../support/miniflare-worker.ts';

const fixtures = inject('fixtures');
const PROBES = 1000;
const hits = async (id: string): Promise<number> => ((await (await fetch(`${fixtures.http}/hits/${id}`)).json()) as { hits: number }).hits;

/** What one burst of probes cost each dependency, counted at the servers. */
interface Cost {
  statuses: Set<number>;
  postgres: number;
  redis: number;
  api: number;
}

async function burst(stack: CountedStack, apiId: string, probe: () => Promise<Response>): Promise<Cost> {
  const before: DependencyCalls = await stack.calls();
  const apiBefore = await hits(apiId);
  const responses = await Promise.all(Array.from({ length: PROBES }, probe));
  const statuses = new Set(responses.map((response) => response.status));
  const after = await stack.calls();
  return { statuses, postgres: after.postgres - before.postgres, redis: redisDelta(before, after, 'ping'), api: (await hits(apiId)) - apiBefore };
}

describe(`${PROBES} concurrent readiness probes with HEALTH_CACHE_MS on, counted at the real servers`, () => {
  let stack: CountedStack;
  const envFor = (apiId: string): Record<string, string> => ({
    ...stack.env,
    HEALTH_CACHE_MS: '60000',
    HEALTH_HTTP_CHECKS: JSON.stringify([{ name: 'external-api', url: `${fixtures.http}/tracked/${apiId}?ms=200` }]),
  });
  beforeAll(async () => {
    stack = await startCountedStack();
  }, 120_000);
  afterAll(() => stack?.stop());

  describe('at the Node server', () => {
    const apiId = `economics-node-${crypto.randomUUID()}`;
    let served: Served;
    beforeAll(async () => {
      const app = createAppFromEnv(envFor(apiId), { platform: 'node', log: () => {} });
      await app.health.lifecycle.ensureStarted();
      served = await serve(app.fetch, { lifecycle: app.health.lifecycle, port: 0, signals: [], log: () => {} });
    });
    afterAll(() => new Promise<void>((resolve) => served?.server.close(() => resolve())));

    it('costs each dependency one call', async () => {
      const cost = await burst(stack, apiId, () => fetch(`${served.url}/health/ready`));
      expect(cost).toEqual({ statuses: new Set([200]), postgres: 1, redis: 1, api: 1 });
    });
  });

  describe('at the Worker (workerd through Miniflare)', () => {
    const apiId = `economics-worker-${crypto.randomUUID()}`;
    let worker: RunningWorker;
    beforeAll(async () => {
      worker = await startWorker(envFor(apiId));
      expect((await worker.fetch('/health/startup')).status).toBe(200);
    });
    afterAll(() => worker?.stop());

    it('costs each dependency one call', async () => {
      const cost = await burst(stack, apiId, () => worker.fetch('/health/ready'));
      expect(cost).toEqual({ statuses: new Set([200]), postgres: 1, redis: 1, api: 1 });
    });
  });
});
