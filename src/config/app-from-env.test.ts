import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAppFromEnv } from './app-from-env.ts';
import { serverSettingsFromEnv } from './server-settings-from-env.ts';
import type { EnvSource } from './env-reader.ts';

/** Distinctive enough that none of its 4-character pieces occurs in any message by chance. */
const SECRET = 'Zq8vKx3Lw9';
const PIECES = Array.from({ length: SECRET.length - 3 }, (_, i) => SECRET.slice(i, i + 4).toLowerCase());
/** Case-insensitive: `new URL()` lowercases the scheme it reads out of `user:pass@host`. */
const leaked = (text: string): string[] => PIECES.filter((piece) => text.toLowerCase().includes(piece));

/** Every configuration variable, each in forms that are invalid and carry the secret. */
const INVALID: readonly [string, readonly string[]][] = [
  ['DATABASE_URL', [`${SECRET}:${SECRET}@db.test/app`, `mysql://u:${SECRET}@db.test/app`, `postgres://u:%zz${SECRET}@db.test/app`, `postgres://${SECRET}:%C3%28@db.test/app`, SECRET]],
  ['NEON_FETCH_ENDPOINT', [`${SECRET}:${SECRET}@gw.test/sql`, `ftp://${SECRET}@gw.test/`, SECRET]],
  ['POSTGRES_CHECK_CATEGORY', [SECRET, `critical-${SECRET}`]],
  ['POSTGRES_CHECK_TIMEOUT_MS', [SECRET, `3000${SECRET}`, '987654321']],
  ['POSTGRES_CHECK_SLOW_MS', [SECRET, '3000']],
  ['UPSTASH_REDIS_REST_URL', [`${SECRET}:${SECRET}@redis.test`, `redis://default:${SECRET}@redis.test:6379`, SECRET]],
  ['UPSTASH_REDIS_REST_TOKEN', [SECRET]],
  ['REDIS_CHECK_CATEGORY', [SECRET]],
  ['REDIS_CHECK_TIMEOUT_MS', [SECRET, '-1']],
  ['REDIS_CHECK_SLOW_MS', [SECRET, '0']],
  ['REDIS_CHECK_WRITE_PROBE', [SECRET]],
  ['HEALTH_HTTP_CHECKS', [
    `[{"name": "api", "url": "${SECRET}"`,
    `[${SECRET}]`,
    `["${SECRET}`,
    `{"${SECRET}": 1}`,
    `${SECRET}:${SECRET}@api.test/ping`,
    `https://u:%zz${SECRET}@api.test/`,
    JSON.stringify([{ name: 'api', url: `${SECRET}:${SECRET}@api.test/` }]),
    JSON.stringify([{ name: `${SECRET} x`, url: 'https://api.test/' }]),
    JSON.stringify([{ name: 'api', url: 'https://api.test/', category: SECRET }]),
    JSON.stringify([{ name: 'api', url: 'https://api.test/', timeout_ms: SECRET }]),
    JSON.stringify([{ name: 'api', url: 'https://api.test/', method: `GET ${SECRET}` }]),
    JSON.stringify([{ name: 'api', url: 'https://api.test/', headers: { 'x-key': `${SECRET}\nX: y` } }]),
    JSON.stringify([{ name: 'api', url: 'https://api.test/', headers: { [`${SECRET} `]: 'v' } }]),
    JSON.stringify([{ name: 'api', url: 'https://api.test/', expect_status: SECRET }]),
    JSON.stringify([{ name: 'api', url: 'https://api.test/', [SECRET]: true }]),
    JSON.stringify([SECRET, 42]),
  ]],
  ['HEALTH_BASE_PATH', [SECRET, `health/${SECRET}`]],
  ['HEALTH_DRAIN', [SECRET]],
  ['HEALTH_DRAIN_CACHE_MS', [SECRET, '0']],
  ['HEALTH_DETAILS_TOKEN', [SECRET]],
  ['HEALTH_CACHE_MS', [SECRET, '60001']],
  ['HEALTH_FAILURE_THRESHOLD', [SECRET, '0']],
  ['HEALTH_SUCCESS_THRESHOLD', [SECRET, '101']],
  // Valid URLs too: on this platform nothing posts once per transition, so any webhook is a problem.
  ['HEALTH_WEBHOOK_URL', [SECRET, `https://${SECRET}:${SECRET}@hooks.test/`, `https://hooks.test/services/${SECRET}`, `http://hooks.test/?token=${SECRET}`]],
  ['HEALTH_WEBHOOK_TIMEOUT_MS', [SECRET, '30001']],
];
const SERVER_INVALID: readonly [string, string][] = [
  ['PORT', SECRET],
  ['PORT', '99999'],
  ['HEALTH_DRAIN_DELAY_MS', SECRET],
  ['HEALTH_SHUTDOWN_TIMEOUT_MS', SECRET],
];

/** Every route and format an anonymous (or token-bearing) caller can ask for. */
const REQUESTS: readonly [string, RequestInit][] = ['/health/live', '/health/ready', '/health/startup', '/health', '/health/ready/api', '/health/ready?exclude=api']
  .flatMap((path) => [path, `${path}${path.includes('?') ? '&' : '?'}verbose`])
  .flatMap((path): [string, RequestInit][] => [
    [path, {}],
    [path, { headers: { Accept: 'application/health+json' } }],
    [path, { headers: { Authorization: `Bearer ${SECRET}` } }],
    [path, { method: 'HEAD' }],
  ]);

async function answersAndLog(env: EnvSource): Promise<{ problems: readonly string[]; texts: string[] }> {
  const log: string[] = [];
  const app = createAppFromEnv(env, { platform: 'test', log: (line) => log.push(line) });
  const texts = [...log];
  for (const [path, init] of REQUESTS) {
    const response = await app.fetch(new Request(`http://svc.test${path}`, init));
    texts.push(`${response.status} ${[...response.headers].join(' ')} ${await response.text()}`);
  }
  return { problems: app.problems, texts };
}

describe('configuration errors never show a value', () => {
  it.each(INVALID.flatMap(([name, values]) => values.map((value) => [name, value] as const)))(
    '%s=%j: reported in the log by name, and no piece of the value appears in any answer or log line',
    async (name, value) => {
      const { problems, texts } = await answersAndLog({ [name]: value });
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.join('\n')).toMatch(/HEALTH_|DATABASE_URL|NEON_|POSTGRES_|UPSTASH_|REDIS_/);
      expect(texts.flatMap(leaked)).toEqual([]);
    },
  );

  it('tells anonymous callers only that the configuration is invalid, on every route and format', async () => {
    const { texts } = await answersAndLog({ HEALTH_CACHE_MS: 'soon', HEALTH_DRAIN: 'perhaps' });
    const startup = texts.find((text) => text.startsWith('503') && text.includes('"failed"'));
    expect(startup).toContain('configuration: invalid (2 problems; see the service log)');
    for (const text of texts.slice(1)) expect(text).not.toMatch(/HEALTH_CACHE_MS|HEALTH_DRAIN|soon|perhaps/);
  });

  it('logs the problems once, one per line, each naming its variable', async () => {
    const log: string[] = [];
    createAppFromEnv({ HEALTH_CACHE_MS: 'soon', HEALTH_DRAIN: 'perhaps' }, { platform: 'test', log: (line) => log.push(line) });
    expect(log).toEqual([
      'edge-health: invalid configuration:\n  HEALTH_DRAIN must be true or false (also 1/0, yes/no, on/off).\n  HEALTH_CACHE_MS must be a whole number of milliseconds from 0 to 60000.',
    ]);
  });

  it.each(SERVER_INVALID)('server setting %s=%j is named without its value', (name, value) => {
    const { problems } = serverSettingsFromEnv({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(name);
    expect(leaked(problems.join(' '))).toEqual([]);
    expect(problems[0]).not.toContain(value);
  });

  it('accepts HEALTH_DRAIN_DELAY_MS=0 (no delay) and HEALTH_CACHE_MS=0 (no reuse)', () => {
    expect(serverSettingsFromEnv({ HEALTH_DRAIN_DELAY_MS: '0' })).toMatchObject({ settings: { drainDelayMs: 0 }, problems: [] });
    expect(createAppFromEnv({ HEALTH_CACHE_MS: '0' }, { platform: 'test' }).problems).toEqual([]);
  });
});

/** A value for any variable: random text, or one of the shapes a mis-pasted secret takes. */
const value = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', ' ', '0', '1', 'true', 'critical', 'non-critical', 'https://api.test/', '[]', '[{}]'),
  fc.tuple(fc.string({ maxLength: 8 }), fc.constantFrom(`${SECRET}`, `${SECRET}:${SECRET}@h.test/`, `https://u:%${SECRET}@h.test/`, `postgres://${SECRET}@h/db`, `[{"url":"${SECRET}`), fc.string({ maxLength: 8 }))
    .map(([before, secret, after]) => `${before}${secret}${after}`),
  fc
    .array(
      fc.record(
        {
          name: fc.constantFrom('a', 'b', 'api'),
          url: fc.oneof(fc.constantFrom('https://api.test/', `https://u:${SECRET}@api.test/`, `${SECRET}@api.test`), fc.string()),
          category: fc.oneof(fc.constantFrom('critical', 'non-critical'), fc.string()),
          timeout_ms: fc.oneof(fc.integer(), fc.string()),
          method: fc.string({ maxLength: 8 }),
          headers: fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string(), fc.constant(SECRET))),
          expect_status: fc.oneof(fc.integer(), fc.array(fc.integer())),
        },
        { requiredKeys: [] },
      ),
      { maxLength: 3 },
    )
    .map((entries) => JSON.stringify(entries)),
);
/**
 * Every variable whose valid values are never shown. Left out: HEALTH_VERSION
 * (shown in every answer) and HEALTH_BASE_PATH (a valid one is the public path,
 * which the 404 answer names); their invalid forms are in the table above.
 */
const VARIABLES = INVALID.map(([name]) => name).filter((name) => name !== 'HEALTH_BASE_PATH');

describe('generated configuration (fast-check)', () => {
  it('never throws from createAppFromEnv, and no problem line or answer to an invalid configuration echoes the secret', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...VARIABLES), value), async (env) => {
        const log: string[] = [];
        const app = createAppFromEnv(env, { platform: 'test', log: (line) => log.push(line) });
        expect(leaked([...app.problems, ...log].join('\n'))).toEqual([]);
        if (app.problems.length === 0) return;
        for (const path of ['/health/startup', '/health/ready', '/health/ready?verbose', '/health/live']) {
          const response = await app.fetch(new Request(`http://svc.test${path}`, { headers: { Accept: 'application/health+json' } }));
          expect(response.status).toBeLessThan(600);
          expect(leaked(await response.text())).toEqual([]);
        }
      }),
      { numRuns: 500 },
    );
  });
});
