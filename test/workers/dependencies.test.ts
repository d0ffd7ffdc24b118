import { describe, expect, inject, it } from 'vitest';
import { neon } from '@neondatabase/serverless';
import { neonCheck, routeNeonHost } from '../../src/checks/neon/index.ts';
import { upstashCheck } from '../../src/checks/upstash/index.ts';
import { httpCheck } from '../../src/checks/http/index.ts';
import { runChecks } from '../../src/core/index.ts';
import { call, callLogged, fixtures, json, timed, type Env } from './helpers.ts';

const stack = inject('stack');

/** The Worker's configuration for all three dependencies, as a deployment would set it. */
const envFor = (overrides: Env = {}): Env => ({
  HEALTH_VERSION: 'deps-test',
  DATABASE_URL: stack.databaseUrl,
  NEON_FETCH_ENDPOINT: stack.neonEndpoint,
  UPSTASH_REDIS_REST_URL: stack.upstashUrl,
  UPSTASH_REDIS_REST_TOKEN: stack.upstashToken,
  HEALTH_HTTP_CHECKS: JSON.stringify([{ name: 'external-api', url: `${fixtures.http}/ok` }]),
  ...overrides,
});

const secretsOf = (): string[] => {
  const url = new URL(stack.databaseUrl);
  return [decodeURIComponent(url.password), stack.upstashToken, stack.databaseUrl];
};

const expectNoSecrets = (text: string): void => {
  for (const secret of secretsOf()) expect(text).not.toContain(secret);
};

describe('Postgres (Neon over HTTP), Redis (Upstash REST) and an external API, in workerd, against real servers', () => {
  it('is healthy when all three are up, with useful details and no secret', async () => {
    const response = await call(envFor(), '/health/ready');
    const text = await response.text();
    expect(response.status).toBe(200);
    expectNoSecrets(text);
    const body = JSON.parse(text) as Awaited<ReturnType<typeof json>>;
    expect(body.status).toBe('healthy');
    expect(body.dependencies.map((d) => [d.name, d.status, d.category])).toEqual([
      ['postgres', 'healthy', 'critical'],
      ['redis', 'healthy', 'non-critical'],
      ['external-api', 'healthy', 'critical'],
    ]);
    expect(body.dependencies[0]?.details).toMatchObject({ rows: 1, server_version: expect.stringMatching(/^\d+\.\d+/) });
  });

  it('is degraded/200 when Redis is stopped, naming the reason', async () => {
    const { value: response, ms } = await timed(() => call(envFor({ UPSTASH_REDIS_REST_URL: stack.stoppedRedisUpstashUrl }), '/health/ready'));
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body.status).toBe('degraded');
    expect(body.message).toBe('degraded: redis');
    expect(body.dependencies[1]).toMatchObject({ name: 'redis', status: 'unhealthy' });
    expect(body.dependencies[1]?.message).toBeTruthy();
    // Promptly: no retries with backoff that would make a down Redis look slow.
    expect(ms).toBeLessThan(1500);
  });

  it('is unhealthy/503 when PostgreSQL is stopped', async () => {
    const response = await call(envFor({ DATABASE_URL: stack.stoppedDatabaseUrl }), '/health/ready');
    expect(response.status).toBe(503);
    const text = await response.text();
    const body = JSON.parse(text) as Awaited<ReturnType<typeof json>>;
    expect(body).toMatchObject({ status: 'unhealthy', message: 'critical dependency unhealthy: postgres' });
    expect(body.dependencies[0]).toMatchObject({ name: 'postgres', status: 'unhealthy' });
    expect(body.dependencies[0]?.reason).not.toBe('timeout');
    expect(text).not.toContain(decodeURIComponent(new URL(stack.stoppedDatabaseUrl).password));
    expect(text).not.toContain(new URL(stack.stoppedDatabaseUrl).port);
  });

  it('reports a wrong Upstash token as auth, without showing it', async () => {
    const response = await call(envFor({ UPSTASH_REDIS_REST_TOKEN: 'wrong-token-0123456789' }), '/health/ready?verbose');
    const text = await response.text();
    expect(text).toContain('[-]redis unhealthy: auth');
    expect(text).not.toContain('wrong-token-0123456789');
  });

  it('reports a wrong database password as auth, without showing it', async () => {
    const url = new URL(stack.databaseUrl);
    url.password = 'not-the-password-42';
    const text = await (await call(envFor({ DATABASE_URL: url.href }), '/health/ready')).text();
    const body = JSON.parse(text) as Awaited<ReturnType<typeof json>>;
    expect(body.dependencies[0]).toMatchObject({ status: 'unhealthy', reason: 'auth', details: { sqlstate: '28P01' } });
    expect(text).not.toContain('not-the-password-42');
  });

  describe('gateways answering 401, 500 or malformed JSON', () => {
    it.each([
      ['401', '/status/401', 'auth'],
      ['500 (JSON)', '/status/500', 'http_status'],
      ['502 (HTML)', '/text/502', 'http_status'],
      ['malformed JSON', '/malformed', 'protocol'],
    ])('postgres: %s → unhealthy with reason %s', async (_, fault, reason) => {
      const body = await json(await call(envFor({ NEON_FETCH_ENDPOINT: `${stack.neonFaults}${fault}/sql` }), '/health/ready/postgres'));
      expect(body.dependencies[0]).toMatchObject({ name: 'postgres', status: 'unhealthy', reason });
    });

    it.each([
      ['401', '/status/401', 'auth'],
      ['500 (JSON)', '/status/500', 'unexpected_response'],
      ['502 (HTML)', '/text/502', 'protocol'],
      ['malformed JSON', '/malformed', 'protocol'],
    ])('redis: %s → unhealthy with reason %s', async (_, fault, reason) => {
      const response = await call(envFor({ UPSTASH_REDIS_REST_URL: `${stack.upstashFaults}${fault}` }), '/health/ready/redis');
      const text = await response.text();
      expect(JSON.parse(text)).toMatchObject({ dependencies: [{ name: 'redis', status: 'unhealthy', reason }] });
      expect(text).not.toContain(stack.upstashToken);
    });
  });

  describe('a dependency that accepts the connection and never answers', () => {
    it('Redis frozen behind its gateway: timed out within its timeout plus a small margin', async () => {
      const env = envFor({ UPSTASH_REDIS_REST_URL: stack.frozenRedisUpstashUrl, REDIS_CHECK_TIMEOUT_MS: '300' });
      const { value: response, ms } = await timed(() => call(env, '/health/ready'));
      expect(ms).toBeGreaterThanOrEqual(290);
      expect(ms).toBeLessThan(450);
      expect(response.status).toBe(200);
      expect(await json(response)).toMatchObject({ status: 'degraded', dependencies: [{ status: 'healthy' }, { name: 'redis', reason: 'timeout', message: 'timed out after 300 ms' }, { status: 'healthy' }] });
    });

    it('a SQL-over-HTTP endpoint that never answers: postgres timed out, 503', async () => {
      const env = envFor({ NEON_FETCH_ENDPOINT: `${fixtures.silent}/sql`, POSTGRES_CHECK_TIMEOUT_MS: '300' });
      const { value: response, ms } = await timed(() => call(env, '/health/ready'));
      expect(ms).toBeLessThan(450);
      expect(response.status).toBe(503);
      expect((await json(response)).dependencies[0]).toMatchObject({ name: 'postgres', status: 'unhealthy', reason: 'timeout' });
    });
  });

  it('runs all three checks in parallel: total time close to the slowest, not the sum', async () => {
    const checks = [
      neonCheck({ connectionString: stack.databaseUrl, fetchEndpoint: `${stack.neonFaults}/delay/300/sql` }),
      upstashCheck({ url: `${stack.upstashFaults}/delay/300`, token: stack.upstashToken }),
      httpCheck({ name: 'external-api', url: `${fixtures.http}/slow?ms=300` }),
    ];
    const { value: reports, ms } = await timed(() => runChecks(checks));
    expect(reports.map((r) => r.status)).toEqual(['healthy', 'healthy', 'healthy']);
    for (const report of reports) expect(report.latencyMs).toBeGreaterThanOrEqual(290);
    expect(ms).toBeGreaterThanOrEqual(290);
    expect(ms).toBeLessThan(600);
  });

  it('proves the Redis write path when asked (SET with expiry, then GET)', async () => {
    const body = await json(await call(envFor({ REDIS_CHECK_WRITE_PROBE: 'true' }), '/health/ready/redis'));
    expect(body.dependencies[0]).toMatchObject({ name: 'redis', status: 'healthy', details: { write_probe: 'ok' } });
  });

  it('runs a configured query with the real driver, and reports a failing one as a query error', async () => {
    const good = neonCheck({ connectionString: stack.databaseUrl, fetchEndpoint: stack.neonEndpoint, query: 'SELECT $1::int + 1 AS n', params: [41] });
    const bad = neonCheck({ name: 'bad-sql', connectionString: stack.databaseUrl, fetchEndpoint: stack.neonEndpoint, query: 'SELECT * FROM no_such_table' });
    const [ok, failed] = await runChecks([good, bad]);
    expect(ok).toMatchObject({ status: 'healthy', details: { rows: 1 } });
    expect(failed).toMatchObject({ status: 'unhealthy', reason: 'query', details: { sqlstate: '42P01' } });
    expect(failed?.message).toContain('relation "no_such_table" does not exist');
  });

  it("accepts the user's existing neon() query function", async () => {
    routeNeonHost(new URL(stack.databaseUrl).hostname, stack.neonEndpoint);
    const [report] = await runChecks([neonCheck({ name: 'app-db', sql: neon(stack.databaseUrl), timeoutMs: 2000 })]);
    expect(report).toMatchObject({ name: 'app-db', status: 'healthy', details: { rows: 1 } });
  });

  describe('configuration', () => {
    it.each([
      [{ DATABASE_URL: 'mysql://u:secretpw@h/db' }, 'DATABASE_URL must be a postgres:// or postgresql:// URL', 'secretpw'],
      [{ DATABASE_URL: 'dbuser:secretpw@h/db' }, 'DATABASE_URL must be a postgres:// or postgresql:// URL', 'dbuser'],
      [{ DATABASE_URL: 'postgres://u:%zzsecretpw@h/db' }, 'DATABASE_URL must percent-encode its user and password correctly', 'secretpw'],
      [{ UPSTASH_REDIS_REST_TOKEN: undefined }, 'UPSTASH_REDIS_REST_URL is set but UPSTASH_REDIS_REST_TOKEN is not.', 'no value'],
      [{ UPSTASH_REDIS_REST_URL: 'tokenuser:pw@upstash.test' }, 'UPSTASH_REDIS_REST_URL must be an absolute http or https URL', 'tokenuser'],
      [{ REDIS_CHECK_CATEGORY: 'vital' }, 'REDIS_CHECK_CATEGORY must be "critical" or "non-critical".', 'vital'],
      [{ POSTGRES_CHECK_TIMEOUT_MS: '3s' }, 'POSTGRES_CHECK_TIMEOUT_MS must be a whole number of milliseconds from 1 to 60000.', '3s'],
      [{ NEON_FETCH_ENDPOINT: 'not a url' }, 'NEON_FETCH_ENDPOINT must be an absolute http or https URL.', 'not a url'],
    ])('logs the problem in %j, never quoting the value', async (overrides, expected, value) => {
      const env = envFor(overrides as Env);
      for (const [key, v] of Object.entries(overrides)) if (v === undefined) delete env[key];
      const { response, text, log } = await callLogged(env, '/health/startup');
      expect(response.status).toBe(503);
      expect(log).toContain(expected);
      expect((JSON.parse(text) as { message: string }).message).toMatch(/^configuration: invalid \(1 problem; see the service log\)/);
      for (const shown of [text, log]) expect(shown).not.toContain(value);
    });

    it('honours per-check category and timeout', async () => {
      const body = await json(await call(envFor({ UPSTASH_REDIS_REST_URL: stack.stoppedRedisUpstashUrl, REDIS_CHECK_CATEGORY: 'critical' }), '/health/ready'));
      expect(body).toMatchObject({ status: 'unhealthy', dependencies: [{}, { name: 'redis', category: 'critical' }, {}] });
    });
  });
});
