import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { call, callLogged, fixtures, httpChecksEnv, INVALID_CONFIGURATION, json, type SeedBody } from './helpers.ts';

describe('routes', () => {
  it('serves the deployed entry from wrangler.toml', async () => {
    const response = await exports.default.fetch(new Request('http://health.test/health/ready'));
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ status: 'healthy', dependencies: [] });
  });

  it('never runs a dependency check for liveness', async () => {
    const id = `live-${crypto.randomUUID()}`;
    const env = httpChecksEnv([{ name: 'api', url: `${fixtures.http}/tracked/${id}` }]);
    const live = await call(env, '/health/live');
    expect(live.status).toBe(200);
    expect(await json(live)).toMatchObject({ status: 'healthy', dependencies: [] });
    const hits = async (): Promise<number> => ((await (await fetch(`${fixtures.http}/hits/${id}`)).json()) as { hits: number }).hits;
    expect(await hits()).toBe(0);
    await call(env, '/health/ready');
    expect(await hits()).toBe(1);
  });

  it('answers HEAD with the status and headers of GET and no body', async () => {
    const env = httpChecksEnv([{ name: 'api', url: `${fixtures.http}/status?code=503` }]);
    for (const path of ['/health/live', '/health/ready', '/health/startup']) {
      const get = await call(env, path);
      const head = await call(env, path, { method: 'HEAD' });
      expect(head.status).toBe(get.status);
      expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'));
      expect(head.headers.get('cache-control')).toBe('no-store');
      expect(await head.text()).toBe('');
      await get.body?.cancel();
    }
  });

  it('answers 404 with JSON for an unknown path', async () => {
    const response = await call(httpChecksEnv([]), '/nope');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toEqual({ status: 'error', error: 'Not found: /nope. Try /health/live, /health/ready or /health/startup.' });
  });

  it.each(['/health/ready/%ZZ', '/health/ready/a%2Fb', '/health/ready/' + 'x'.repeat(5000)])('answers bad input %s with a 404, never a 500', async (path) => {
    const response = await call(httpChecksEnv([]), path.slice(0, 200));
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: string }).error).toMatch(/^No check is named/);
  });

  it('answers a long exclude list with 400', async () => {
    const response = await call(httpChecksEnv([]), `/health/ready?exclude=${Array.from({ length: 100 }, (_, i) => `c${i}`).join(',')}`);
    expect(response.status).toBe(400);
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('answers %s with 405 and Allow', async (method) => {
    const response = await call(httpChecksEnv([]), '/health/ready', { method });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect(((await response.json()) as { error: string }).error).toContain(`Method ${method} is not allowed`);
  });

  it('answers startup 200 started once init is done, and /health as readiness', async () => {
    const env = httpChecksEnv([]);
    expect(await json(await call(env, '/health/startup'))).toMatchObject({ status: 'started' });
    expect((await call(env, '/health')).status).toBe(200);
  });

  it('reports isolate facts: cold start only on the first request of an isolate', async () => {
    const env = httpChecksEnv([]);
    const first = await json(await call(env, '/health/live'));
    const second = await json(await call(env, '/health/ready'));
    expect(first.isolate).toMatchObject({ cold_start: true, requests: 1, platform: 'cloudflare-workers', state: expect.any(String) });
    expect(second.isolate).toMatchObject({ cold_start: false, requests: 2, id: first.isolate?.id });
  });
});

describe('configuration errors', () => {
  it('fails startup and readiness saying only that the configuration is invalid, logs the problem, keeps liveness', async () => {
    const env = { HEALTH_HTTP_CHECKS: JSON.stringify([{ name: 'api', url: 'https://user:sup3rsecret@api.test/', timeout_ms: 'soon' }]) };
    const startup = await callLogged(env, '/health/startup');
    expect(startup.response.status).toBe(503);
    const body = JSON.parse(startup.text) as SeedBody;
    expect(body.status).toBe('failed');
    expect(body.message).toMatch(/^configuration: invalid \(1 problem; see the service log\) \(retry in \d+ s\)$/);
    expect(startup.log).toContain('HEALTH_HTTP_CHECKS[0].timeout_ms must be a whole number of milliseconds from 1 to 60000.');
    const ready = await call(env, '/health/ready');
    expect(ready.status).toBe(503);
    expect((await json(ready)).message).toMatch(INVALID_CONFIGURATION);
    expect((await call(env, '/health/live')).status).toBe(200);
    for (const text of [startup.text, startup.log]) expect(text).not.toContain('sup3rsecret');
  });

  it.each([
    ['not JSON', '[{"name": "sk_live_abcdef", "url": }]', 'HEALTH_HTTP_CHECKS is not valid JSON: at character 36, expected a value.', 'sk_live'],
    ['a URL without a scheme', JSON.stringify([{ name: 'x', url: 'admin:hunter22@api.test/' }]), 'HEALTH_HTTP_CHECKS[0].url must be an absolute http or https URL.', 'admin'],
    ['a bad category', JSON.stringify([{ url: 'https://a.test', category: 'vital-secret' }]), 'HEALTH_HTTP_CHECKS[0].category must be "critical" or "non-critical".', 'vital'],
    ['an unknown key', JSON.stringify([{ url: 'https://a.test', tokenXYZ: 5 }]), 'HEALTH_HTTP_CHECKS[0] has an unknown key (key 2); known keys: name, url,', 'tokenXYZ'],
    ['a non-http URL', 'ftp://files.test', 'HEALTH_HTTP_CHECKS[0].url must be an absolute http or https URL.', 'ftp'],
    ['a malformed escape in the credentials', 'https://u:%zzsecret@a.test/', 'HEALTH_HTTP_CHECKS[0].url must percent-encode its user and password correctly', 'zzsecret'],
  ])('logs the problem for %s, naming the field and never its value', async (_, value, expected, secret) => {
    const { text, log } = await callLogged({ HEALTH_HTTP_CHECKS: value }, '/health/startup');
    expect(log).toContain(expected);
    expect((JSON.parse(text) as SeedBody).message).toMatch(/^configuration: invalid \(1 problem; see the service log\)/);
    for (const shown of [text, log]) expect(shown).not.toContain(secret);
  });

  it('accepts a comma-separated list of URLs, each named after its host', async () => {
    const url = new URL(fixtures.http);
    const body = await json(await call({ HEALTH_HTTP_CHECKS: `${fixtures.http}/ok, ${fixtures.http}/created` }, '/health/ready'));
    expect(body.status).toBe('healthy');
    expect(body.dependencies.map((d) => d.name)).toEqual([url.hostname, `${url.hostname}-2`]);
  });

  it('sends credentials in a check URL as Authorization: Basic (percent-decoded), never in the URL workerd would drop them from', async () => {
    const id = `basic-${crypto.randomUUID()}`;
    const url = new URL(`${fixtures.http}/tracked/${id}`);
    url.username = 'health%40probe';
    url.password = 'p%3Ass%2Fword';
    const body = await json(await call({ HEALTH_HTTP_CHECKS: url.href }, '/health/ready'));
    expect(body.status).toBe('healthy');
    const seen = (await (await fetch(`${fixtures.http}/hits/${id}`)).json()) as { hits: number; authorization: string | null };
    expect(seen).toEqual({ hits: 1, authorization: `Basic ${btoa('health@probe:p:ss/word')}` });
  });

  it('rejects two checks with the same name', async () => {
    const value = JSON.stringify([{ name: 'api', url: `${fixtures.http}/ok` }, { name: 'api', url: `${fixtures.http}/ok` }]);
    const { response, log } = await callLogged({ HEALTH_HTTP_CHECKS: value }, '/health/startup');
    expect(response.status).toBe(503);
    expect(log).toContain('Two checks are named "api"');
  });
});

describe('details for authorized callers only (HEALTH_DETAILS_TOKEN)', () => {
  const token = 'details-token-0123456789';
  const env = httpChecksEnv([{ name: 'api', url: `${fixtures.http}/status?code=503` }], { HEALTH_DETAILS_TOKEN: token });

  it('withholds messages and details from anonymous callers, keeping the classified reason', async () => {
    const body = await json(await call(env, '/health/ready'));
    expect(body.status).toBe('unhealthy');
    expect(body.dependencies[0]).toEqual({ name: 'api', status: 'unhealthy', category: 'critical', latency_ms: expect.any(Number), reason: 'http_status' });
  });

  it('shows them with the right bearer token, and not with a wrong one', async () => {
    const shown = await json(await call(env, '/health/ready', { headers: { Authorization: `Bearer ${token}` } }));
    expect(shown.dependencies[0]).toMatchObject({ message: 'HTTP 503', details: { status_code: 503 } });
    const wrong = await json(await call(env, '/health/ready', { headers: { Authorization: `Bearer ${token}x` } }));
    expect(wrong.dependencies[0]?.message).toBeUndefined();
  });

  it('rejects a token too short to be a secret, and says that the whole service answers 503 until it is fixed', async () => {
    const { response, text, log } = await callLogged(httpChecksEnv([], { HEALTH_DETAILS_TOKEN: 'short-tok' }), '/health/ready');
    expect(response.status).toBe(503);
    expect(log).toContain('HEALTH_DETAILS_TOKEN must be at least 16 characters long (until it is, the whole service answers 503).');
    for (const shown of [text, log]) expect(shown).not.toContain('short-tok');
  });
});

describe('HEALTH_CACHE_MS', () => {
  it('reuses check results within the period: one request to the dependency for many callers', async () => {
    const id = `cache-${crypto.randomUUID()}`;
    const env = httpChecksEnv([{ name: 'api', url: `${fixtures.http}/tracked/${id}` }], { HEALTH_CACHE_MS: '5000' });
    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push(await call(env, '/health/ready'));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers[0]?.headers.get('age')).toBeNull();
    expect(answers[4]?.headers.get('age')).toBe('0');
    const hits = ((await (await fetch(`${fixtures.http}/hits/${id}`)).json()) as { hits: number }).hits;
    expect(hits).toBe(1);
  });

  it('names an invalid value in the log with the range it accepts, never quoting it', async () => {
    const { text, log } = await callLogged(httpChecksEnv([], { HEALTH_CACHE_MS: 'forever' }), '/health/startup');
    expect(log).toContain('HEALTH_CACHE_MS must be a whole number of milliseconds from 0 to 60000.');
    expect((JSON.parse(text) as SeedBody).message).toMatch(/^configuration: invalid \(1 problem/);
    for (const shown of [text, log]) expect(shown).not.toContain('forever');
  });

  it('accepts 0 (no reuse)', async () => {
    expect((await call(httpChecksEnv([], { HEALTH_CACHE_MS: '0' }), '/health/ready')).status).toBe(200);
  });
});
