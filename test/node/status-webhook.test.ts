import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { listen, type Listening } from '../../local/server/listen.ts';
import { createAppFromEnv, type App } from '../../src/config/index.ts';

/** What the stand-in dependency answers, and what the webhook receiver does with a POST. */
type Mode = 'up' | 'down';
type HookMode = 'ok' | 'hang';

interface Rig {
  app: App;
  /** Every event the receiver was sent, parsed, in arrival order. */
  events: Record<string, unknown>[];
  /** POSTs the receiver holds unanswered. */
  held: ServerResponse[];
  /** Every line the app logged. */
  logs: string[];
  hookUrl: string;
  set(mode: Mode): void;
}

const TOKEN_PATH = '/services/T0EDGE/B0HEALTH/xoxbSecretPath4242';
const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function serve(handler: Parameters<typeof listen>[0]): Promise<Listening> {
  const server = await listen(handler);
  closers.push(() => server.close());
  return server;
}

/**
 * The deployable app as the Node entry builds it (platform `node`), with one
 * real HTTP check against a real upstream a test flips, and a real webhook
 * receiver; the app is called in-process, 50 probes at a time.
 */
async function rig(env: Record<string, string>, hookMode: HookMode = 'ok', hookUrl?: string): Promise<Rig> {
  let mode: Mode = 'up';
  const upstream = await serve((_request, response) => response.writeHead(mode === 'up' ? 200 : 503).end(mode));
  const events: Record<string, unknown>[] = [];
  const held: ServerResponse[] = [];
  const hooks = await serve(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    events.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
    if (hookMode === 'hang') held.push(response);
    else response.writeHead(200).end('ok');
  });
  const url = hookUrl ?? `${hooks.url}${TOKEN_PATH}`;
  const logs: string[] = [];
  const app = createAppFromEnv(
    { HEALTH_VERSION: '2.0.1', HEALTH_HTTP_CHECKS: JSON.stringify([{ name: 'api', url: `${upstream.url}/api`, timeout_ms: 2000 }]), HEALTH_WEBHOOK_URL: url, ...env },
    { platform: 'node', initWaitMs: 50, log: (line) => logs.push(line) },
  );
  closers.push(() => app.stopRefreshing());
  expect(app.problems).toEqual([]);
  await app.health.lifecycle.ensureStarted();
  return { app, events, held, logs, hookUrl: url, set: (next) => void (mode = next) };
}

/** 50 readiness probes at once; their statuses. */
async function wave(app: App): Promise<number[]> {
  const responses = await Promise.all(Array.from({ length: 50 }, () => app.fetch(new Request('http://svc.test/health/ready'))));
  return Promise.all(responses.map(async (response) => (await response.arrayBuffer(), response.status)));
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Probes in waves of 50 until every probe of a wave answers `status`, then `extra` more waves. */
async function probeUntil(app: App, status: number, extra = 5): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if ((await wave(app)).every((s) => s === status)) break;
    await pause(20);
  }
  for (let i = 0; i < extra; i += 1) {
    expect(new Set(await wave(app))).toEqual(new Set([status]));
    await pause(40);
  }
}

async function eventually(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 250 && !condition(); i += 1) await pause(20);
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
}

describe('status-change webhook (Node, HEALTH_WEBHOOK_URL)', () => {
  it.each([
    ['results reused between refreshes (HEALTH_CACHE_MS=1000)', '1000'],
    ['probes also running the checks (HEALTH_CACHE_MS=0)', '0'],
  ])('posts exactly one event per transition under waves of 50 concurrent probes with a 50 ms refresh: %s', async (_label, cacheMs) => {
    const { app, events, set } = await rig({ HEALTH_REFRESH_MS: '50', HEALTH_CACHE_MS: cacheMs });
    await probeUntil(app, 200);
    set('down');
    await probeUntil(app, 503);
    set('up');
    await probeUntil(app, 200);
    await eventually(() => events.length >= 2, 'two events');
    // Several more refresh periods and waves: nothing else may arrive.
    await probeUntil(app, 200, 5);
    expect(events.map(({ check, from, to, reason, version }) => ({ check, from, to, reason, version }))).toEqual([
      { check: 'api', from: 'healthy', to: 'unhealthy', reason: 'http_status', version: '2.0.1' },
      { check: 'api', from: 'unhealthy', to: 'healthy', reason: null, version: '2.0.1' },
    ]);
    expect(events[0]?.text).toBe('edge-health: api is unhealthy (was healthy; reason http_status), version 2.0.1');
    expect(Date.parse(String(events[0]?.time))).toBeLessThanOrEqual(Date.parse(String(events[1]?.time)));
  });

  it('with HEALTH_FAILURE_THRESHOLD=3 holds readiness through two failing runs, then fails it and posts once', async () => {
    const { app, events, set } = await rig({ HEALTH_FAILURE_THRESHOLD: '3' });
    expect((await app.fetch(new Request('http://svc.test/health/ready'))).status).toBe(200);
    set('down');
    const bodies = [];
    for (let i = 0; i < 3; i += 1) {
      const response = await app.fetch(new Request('http://svc.test/health/ready'));
      bodies.push({ status: response.status, damping: ((await response.json()) as { dependencies: { damping?: unknown }[] }).dependencies[0]?.damping });
    }
    expect(bodies).toEqual([
      { status: 200, damping: { raw: 'unhealthy', streak: 1, threshold: 3 } },
      { status: 200, damping: { raw: 'unhealthy', streak: 2, threshold: 3 } },
      { status: 503, damping: undefined },
    ]);
    await eventually(() => events.length >= 1, 'the event');
    await app.fetch(new Request('http://svc.test/health/ready'));
    await pause(100);
    expect(events.map(({ from, to }) => `${from}→${to}`)).toEqual(['healthy→unhealthy']);
  });

  it('a receiver that hangs holds no answer: probes answer while the POST is still unanswered', async () => {
    const { app, events, held, set } = await rig({ HEALTH_REFRESH_MS: '50', HEALTH_CACHE_MS: '1000', HEALTH_WEBHOOK_TIMEOUT_MS: '30000' }, 'hang');
    await probeUntil(app, 200, 0);
    set('down');
    await probeUntil(app, 503, 0);
    await eventually(() => held.length === 1, 'the POST to reach the receiver');
    set('up');
    await probeUntil(app, 200, 3);
    set('down');
    await probeUntil(app, 503, 3);
    // The first POST is still unanswered; the later ones wait behind it, in order.
    expect(held).toHaveLength(1);
    expect(events).toHaveLength(1);
  });

  it('a receiver that is down changes no answer, and its failures are logged without the URL', async () => {
    const { app, logs, set } = await rig({ HEALTH_REFRESH_MS: '50', HEALTH_CACHE_MS: '1000' }, 'ok', `http://127.0.0.1:1${TOKEN_PATH}`);
    await probeUntil(app, 200, 0);
    set('down');
    await probeUntil(app, 503, 3);
    set('up');
    await probeUntil(app, 200, 3);
    await eventually(() => logs.length >= 2, 'two logged failures');
    expect(logs).toEqual([
      'edge-health: status webhook for api (healthy → unhealthy) not delivered: could not connect',
      'edge-health: status webhook for api (unhealthy → healthy) not delivered: could not connect',
    ]);
    expect(logs.join('\n')).not.toMatch(/xoxbSecretPath4242|T0EDGE|127\.0\.0\.1:1/);
  });
});
