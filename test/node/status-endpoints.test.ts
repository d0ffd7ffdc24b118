import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHealthServer, type HealthServer } from '../support/health-server.ts';

const TOKEN = 'endpoints-details-token-1234';
const MONITOR_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const NAVIGATION = { Accept: MONITOR_ACCEPT, 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Dest': 'document' };

let server: HealthServer;
beforeAll(async () => {
  server = await startHealthServer({ env: { HEALTH_DETAILS_TOKEN: TOKEN, HEALTH_CACHE_MS: '60000' } });
  server.set('cache', 'down');
});
afterAll(() => server.close());

/**
 * Why node:http: fetch() sets its own Sec-Fetch-Mode (`cors`), as browsers do;
 * only a raw request can claim to be a navigation.
 */
function navigate(path: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    request(`${server.url}${path}`, { headers: NAVIGATION }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    })
      .on('error', reject)
      .end();
  });
}

const get = (path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Response> => fetch(`${server.url}${path}`, { headers, method });

describe('the base path', () => {
  it('answers a monitor with browser-like Accept headers in JSON, never the page', async () => {
    const response = await get('/health', { Accept: MONITOR_ACCEPT, 'User-Agent': 'Mozilla/5.0 (compatible; UptimeRobot/2.0)' });
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toMatchObject({ status: 'degraded' });
  });

  it('answers a browser\'s top-level navigation with the status page', async () => {
    const response = await navigate('/health');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain('<h1>Service health</h1>');
  });
});

describe('GET /health/status', () => {
  it('sends a strict CSP whose nonce is new on every response and is the only one in the page', async () => {
    const nonces: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const response = await get('/health/status', { Accept: 'text/html' });
      const csp = response.headers.get('content-security-policy') ?? '';
      const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1] ?? '';
      expect(csp).toBe(`default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`);
      const html = await response.text();
      expect([...html.matchAll(/nonce="([^"]+)"/g)].map((match) => match[1])).toEqual([nonce, nonce]);
      expect(html).not.toMatch(/<(link|img|iframe)\b|src=|https?:\/\/(?!www\.w3\.org)/);
      expect(response.headers.get('cache-control')).toBe('no-store');
      nonces.push(nonce);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
    expect(nonces[0]).toMatch(/^[A-Za-z0-9+/]{24}$/);
  });

  it('gives its data as JSON with each check\'s result age and last change, messages only with the token', async () => {
    const anonymous = (await (await get('/health/status', { Accept: 'application/json' })).json()) as { details: boolean; dependencies: Record<string, unknown>[] };
    expect(anonymous.details).toBe(false);
    expect(anonymous.dependencies[1]).toMatchObject({ name: 'cache', status: 'unhealthy', reason: 'http_status', transitions: 0 });
    expect(anonymous.dependencies[1]).toHaveProperty('result_age_ms');
    expect(anonymous.dependencies[1]).toHaveProperty('last_changed_at');
    expect(anonymous.dependencies[1]).not.toHaveProperty('message');
    const operator = (await (await get('/health/status', { Accept: 'application/json', Authorization: `Bearer ${TOKEN}` })).json()) as typeof anonymous;
    expect(operator.details).toBe(true);
    expect(operator.dependencies[1]).toMatchObject({ message: 'HTTP 503' });
  });

  it('never repeats the token in the page or its data', async () => {
    for (const accept of ['text/html', 'application/json']) {
      const body = await (await get('/health/status', { Accept: accept, Authorization: `Bearer ${TOKEN}` })).text();
      expect(body).not.toContain(TOKEN);
    }
  });

  it.each<[string, string, Record<string, string>, number, RegExp]>([
    ['an unknown exclude', '/health/status?exclude=nope', {}, 400, /Cannot exclude "nope"/],
    ['?verbose', '/health/status?verbose', {}, 400, /takes no \?verbose/],
    ['application/health+json', '/health/status', { Accept: 'application/health+json' }, 406, /application\/json/],
  ])('refuses %s with a readable 4xx', async (_case, path, headers, status, message) => {
    const response = await get(path, headers);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: string }).error).toMatch(message);
  });

  it('answers HEAD with the status and no body, and 405 to other methods', async () => {
    const head = await get('/health/status', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('/health/status', {}, 'POST')).status).toBe(405);
  });
});

describe('GET /health/badge.svg', () => {
  it('is an SVG with a readable title, cacheable for a few seconds, 200 even when the service is not', async () => {
    const down = await startHealthServer({ env: { HEALTH_DETAILS_TOKEN: TOKEN } });
    down.set('api', 'down');
    const response = await fetch(`${down.url}/health/badge.svg`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    await down.close();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=5');
    const svg = await response.text();
    expect(svg).toContain('<title>health: unhealthy</title>');
    expect(svg).toContain('aria-label="health: unhealthy"');
    expect(svg).not.toContain(TOKEN);
    expect(svg).not.toContain('HTTP 503');
  });
});

describe('GET /health/metrics', () => {
  it('needs the details token when one is set', async () => {
    const response = await get('/health/metrics');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="edge-health"');
    expect(((await response.json()) as { error: string }).error).toContain('HEALTH_DETAILS_TOKEN');
  });

  it('gives this isolate\'s numbers, labelled with its id, in a format promtool accepts', async () => {
    const ready = (await (await get('/health/ready')).json()) as { isolate: { id: string } };
    await get('/health/ready');
    const response = await get('/health/metrics', { Authorization: `Bearer ${TOKEN}` });
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await response.text();
    const isolate = `isolate="${ready.isolate.id}"`;
    expect(text).toContain(`edge_health_check_up{check="api",category="critical",${isolate}} 1\n`);
    expect(text).toContain(`edge_health_check_up{check="cache",category="non-critical",${isolate}} 0\n`);
    expect(text).toContain(`edge_health_lifecycle_state{state="ready",${isolate}} 1\n`);
    // HEALTH_CACHE_MS=60000: the second readiness answer above came from the cache.
    expect(Number(/^edge_health_cache_hits_total\{[^}]*\} (\d+)$/m.exec(text)?.[1])).toBeGreaterThanOrEqual(1);
    expect(Number(/^edge_health_dependency_calls_saved_total\{[^}]*\} (\d+)$/m.exec(text)?.[1])).toBeGreaterThanOrEqual(2);
    const promtool = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
    expect(promtool.error).toBeUndefined();
    expect(`${promtool.stdout}${promtool.stderr}`).toBe('');
    expect(promtool.status).toBe(0);
  });
});
