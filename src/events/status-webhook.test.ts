import { describe, expect, it } from 'vitest';
import type { CheckReport, CheckStatus, StatusChange } from '../core/index.ts';
import { isNewsworthy, isWebhookUrl, statusEvent, statusWebhook } from './status-webhook.ts';

const change = (from: CheckStatus | undefined, to: CheckStatus, reason?: CheckReport['reason']): StatusChange => ({
  check: 'api',
  from,
  to,
  report: { name: 'api', category: 'critical', status: to, latencyMs: 12, ...(reason ? { reason, message: 'secret-ish free text' } : {}) },
});
const AT = Date.UTC(2026, 11, 1, 14, 0, 0);

describe('statusEvent', () => {
  it.each([
    [change('healthy', 'unhealthy', 'http_status'), 'edge-health: api is unhealthy (was healthy; reason http_status), version 1.2.3'],
    [change('unhealthy', 'healthy'), 'edge-health: api is healthy (was unhealthy), version 1.2.3'],
    [change('healthy', 'degraded', 'slow'), 'edge-health: api is degraded (was healthy; reason slow), version 1.2.3'],
    [change(undefined, 'unhealthy', 'timeout'), 'edge-health: api is unhealthy (first check; reason timeout), version 1.2.3'],
  ])('describes %j in one Slack-compatible line', (given, text) => {
    expect(statusEvent(given, '1.2.3', AT).text).toBe(text);
  });

  it('carries the transition, the classified reason, the time and the version, and never the free-text message', () => {
    const event = statusEvent(change('healthy', 'unhealthy', 'timeout'), '1.2.3', AT);
    expect(event).toEqual({ check: 'api', from: 'healthy', to: 'unhealthy', reason: 'timeout', time: '2026-12-01T14:00:00.000Z', version: '1.2.3', text: expect.any(String) });
    expect(JSON.stringify(event)).not.toContain('free text');
  });
});

describe('isNewsworthy', () => {
  it.each([
    [undefined, 'healthy', false],
    [undefined, 'unhealthy', true],
    [undefined, 'degraded', true],
    ['healthy', 'unhealthy', true],
    ['unhealthy', 'healthy', true],
    ['degraded', 'healthy', true],
  ] as const)('from %s to %s: %s', (from, to, expected) => {
    expect(isNewsworthy(change(from, to))).toBe(expected);
  });
});

describe('isWebhookUrl', () => {
  it.each([
    ['https://hooks.slack.com/services/T0/B0/XyZ', true],
    ['http://127.0.0.1:9000/hook?token=abc', true],
    ['https://user:pass@hooks.example.com/x', false],
    ['ftp://hooks.example.com/x', false],
    ['hooks.example.com/x', false],
    ['', false],
  ])('%j: %s', (url, expected) => {
    expect(isWebhookUrl(url)).toBe(expected);
  });
});

describe('statusWebhook', () => {
  it('refuses an unusable URL at construction without showing it', () => {
    expect(() => statusWebhook({ url: 'https://u:TopSecret1@hooks.test/x' })).toThrow(/absolute http or https URL/);
    expect(() => statusWebhook({ url: 'https://u:TopSecret1@hooks.test/x' })).not.toThrow(/TopSecret1/);
  });

  it('posts nothing for a healthy first sight, and resolves without calling fetch', async () => {
    const seen: Request[] = [];
    const notify = statusWebhook({ url: 'https://hooks.test/x', fetch: async (request) => (seen.push(request), new Response('ok')) });
    await notify(change(undefined, 'healthy'));
    expect(seen).toEqual([]);
  });

  it('posts transitions one at a time, in order, even when an earlier POST is slow', async () => {
    const bodies: string[] = [];
    let release: () => void = () => {};
    const firstHeld = new Promise<void>((resolve) => (release = resolve));
    const notify = statusWebhook({
      url: 'https://hooks.test/x',
      fetch: async (request) => {
        const body = (await request.json()) as { to: string };
        if (bodies.length === 0) await firstHeld;
        bodies.push(body.to);
        return new Response('ok');
      },
    });
    const first = notify(change('healthy', 'unhealthy', 'timeout'));
    const second = notify(change('unhealthy', 'healthy'));
    release();
    await Promise.all([first, second]);
    expect(bodies).toEqual(['unhealthy', 'healthy']);
  });

  it('drops (and logs) events beyond 100 waiting for a receiver that hangs, so memory stays bounded', async () => {
    const lines: string[] = [];
    let calls = 0;
    const notify = statusWebhook({
      url: 'https://hooks.test/x',
      fetch: () => ((calls += 1), new Promise<Response>(() => {})),
      timeoutMs: 60_000,
      log: (line) => lines.push(line),
    });
    for (let i = 0; i < 150; i += 1) void notify(i % 2 === 0 ? change('healthy', 'unhealthy', 'timeout') : change('unhealthy', 'healthy'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(calls).toBe(1);
    expect(lines.filter((line) => line.includes('dropped'))).toHaveLength(50);
  });

  it.each([
    ['an error status', async () => new Response('nope', { status: 500 }), 'the receiver answered HTTP 500'],
    ['a rejected fetch', async () => Promise.reject(new TypeError('fetch failed: https://hooks.test/T0/secret-path')), 'could not connect'],
  ])('logs %s without the URL, and never rejects', async (_label, fetch, why) => {
    const lines: string[] = [];
    const notify = statusWebhook({ url: 'https://hooks.test/T0/secret-path', fetch, log: (line) => lines.push(line) });
    await expect(notify(change('healthy', 'unhealthy', 'timeout'))).resolves.toBeUndefined();
    expect(lines).toEqual([`edge-health: status webhook for api (healthy → unhealthy) not delivered: ${why}`]);
    expect(lines.join('')).not.toContain('secret-path');
  });
});
