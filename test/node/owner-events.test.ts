import { afterEach, describe, expect, it } from 'vitest';
import { listen, type Listening } from '../../local/server/listen.ts';
import { startIsolates, type RunningIsolates } from '../support/miniflare-isolates.ts';

const ISOLATES = 4;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

interface Rig {
  isolates: RunningIsolates;
  events: { check: string; from: string | null; to: string }[];
  set(mode: 'up' | 'down'): void;
}

/**
 * `src/worker.ts` in several isolates sharing the `HealthOwner` Durable Object,
 * one real HTTP check against an upstream a test flips, and a real webhook receiver.
 */
async function rig(bindings: Record<string, string>): Promise<Rig> {
  let mode: 'up' | 'down' = 'up';
  const serve = async (handler: Parameters<typeof listen>[0]): Promise<Listening> => {
    const server = await listen(handler);
    closers.push(() => server.close());
    return server;
  };
  const upstream = await serve((_request, response) => response.writeHead(mode === 'up' ? 200 : 503).end(mode));
  const events: Rig['events'] = [];
  const hooks = await serve(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    events.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Rig['events'][number]);
    response.writeHead(200).end('ok');
  });
  const isolates = await startIsolates({
    count: ISOLATES,
    bindings: {
      HEALTH_SHARE: 'durable-object',
      HEALTH_CACHE_MS: '0',
      HEALTH_VERSION: '3.1.0',
      HEALTH_HTTP_CHECKS: JSON.stringify([{ name: 'api', url: `${upstream.url}/api`, timeout_ms: 2000 }]),
      HEALTH_WEBHOOK_URL: `${hooks.url}/services/T0/B0/owner-secret`,
      ...bindings,
    },
  });
  closers.push(() => isolates.stop());
  return { isolates, events, set: (next) => void (mode = next) };
}

/** 50 probes at once, spread over the isolates; their statuses. */
async function wave(isolates: RunningIsolates): Promise<number[]> {
  const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => isolates.fetch(i % ISOLATES, '/health/ready')));
  return responses.map((response) => response.status);
}

async function wavesUntil(isolates: RunningIsolates, status: number, extra = 3): Promise<void> {
  for (let i = 0; i < 100; i += 1) if ((await wave(isolates)).every((s) => s === status)) break;
  for (let i = 0; i < extra; i += 1) expect(new Set(await wave(isolates))).toEqual(new Set([status]));
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe(`with HEALTH_SHARE=durable-object, the owner (not the ${ISOLATES} isolates) damps flapping and posts status changes (workerd)`, () => {
  it(`posts exactly one event per transition under waves of 50 probes spread over ${ISOLATES} isolates`, async () => {
    const { isolates, events, set } = await rig({});
    await wavesUntil(isolates, 200, 0);
    set('down');
    await wavesUntil(isolates, 503);
    set('up');
    await wavesUntil(isolates, 200);
    for (let i = 0; i < 50 && events.length < 2; i += 1) await pause(20);
    await pause(200);
    expect(events.map(({ check, from, to }) => `${check}: ${from}→${to}`)).toEqual(['api: healthy→unhealthy', 'api: unhealthy→healthy']);
  });

  it('counts HEALTH_FAILURE_THRESHOLD over the deployment: a second isolate, which never saw a failure, answers 503 at the second failing run', async () => {
    const { isolates, events, set } = await rig({ HEALTH_FAILURE_THRESHOLD: '2' });
    expect((await isolates.fetch(0, '/health/ready')).status).toBe(200);
    set('down');
    const first = await isolates.fetch(1, '/health/ready');
    const body = (await first.json()) as { dependencies: { damping?: unknown }[] };
    expect({ status: first.status, damping: body.dependencies[0]?.damping }).toEqual({ status: 200, damping: { raw: 'unhealthy', streak: 1, threshold: 2 } });
    expect((await isolates.fetch(2, '/health/ready')).status).toBe(503);
    for (let i = 0; i < 50 && events.length < 1; i += 1) await pause(20);
    expect(events.map(({ from, to }) => `${from}→${to}`)).toEqual(['healthy→unhealthy']);
  });
});
