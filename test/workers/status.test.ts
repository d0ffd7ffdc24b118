import { describe, expect, it } from 'vitest';
import { call, fixtures, httpChecksEnv } from './helpers.ts';

const TOKEN = 'workers-details-token-123456';

describe('the pages for people, in workerd', () => {
  it('serves the status page with a fresh CSP nonce, and its data as JSON', async () => {
    const env = httpChecksEnv([{ name: 'api', url: `${fixtures.http}/ok` }]);
    const page = await call(env, '/health/status', { headers: { Accept: 'text/html' } });
    expect(page.status).toBe(200);
    const nonce = /'nonce-([^']+)'/.exec(page.headers.get('content-security-policy') ?? '')?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{24}$/);
    expect(await page.text()).toContain(`<script nonce="${nonce}">`);
    const data = await call(env, '/health/status', { headers: { Accept: 'application/json' } });
    expect(await data.json()).toMatchObject({ status: 'healthy', dependencies: [{ name: 'api', status: 'healthy', transitions: 0 }] });
  });

  it('serves the page at the base path only for a top-level navigation', async () => {
    const env = httpChecksEnv([]);
    const monitor = await call(env, '/health', { headers: { Accept: 'text/html,*/*' } });
    expect(monitor.headers.get('content-type')).toBe('application/json; charset=utf-8');
    await monitor.body?.cancel();
    const person = await call(env, '/health', { headers: { Accept: 'text/html', 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Dest': 'document' } });
    expect(person.headers.get('content-type')).toBe('text/html; charset=utf-8');
    await person.body?.cancel();
  });

  it('serves the badge and, behind the details token, the metrics', async () => {
    const env = httpChecksEnv([{ name: 'api', url: `${fixtures.http}/status?code=500` }], { HEALTH_DETAILS_TOKEN: TOKEN });
    const badge = await call(env, '/health/badge.svg');
    expect(badge.headers.get('cache-control')).toBe('public, max-age=5');
    expect(await badge.text()).toContain('<title>health: unhealthy</title>');
    expect((await call(env, '/health/metrics')).status).toBe(401);
    const metrics = await call(env, '/health/metrics', { headers: { Authorization: `Bearer ${TOKEN}` } });
    const text = await metrics.text();
    expect(text).toMatch(/^edge_health_check_up\{check="api",category="critical",isolate="[0-9a-f-]{36}"\} 0$/m);
    expect(text).toMatch(/^edge_health_info\{version="1\.2\.3-test",platform="cloudflare-workers",isolate="[0-9a-f-]{36}"\} 1$/m);
  });
});
