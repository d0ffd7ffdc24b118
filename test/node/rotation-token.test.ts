import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHECK_NAME_PATTERN, containsRotationToken, createHealth, defineCheck, Lifecycle, ROTATION_TOKEN, type CheckStatus } from '../../src/core/index.ts';
import { HealthMetrics, metricsEndpoint } from '../../src/metrics/index.ts';
import { createHealthRouter } from '../../src/router/index.ts';
import { statusBadge, statusPage } from '../../src/status/index.ts';
import { ROUTE53_BYTES, suppliedText, tokenOffsets } from '../support/rotation-token.ts';

/**
 * The whole app as a monitor meets it: every route and format, with check
 * names, messages, details, the version, the badge label, drain and init
 * reasons and the request itself all chosen by fast-check, most of them
 * spelling the token in some case.
 */
const checkName = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,20}$/).filter((name) => CHECK_NAME_PATTERN.test(name) && !containsRotationToken(name));
const checkSpec = fc.record({
  status: fc.constantFrom<CheckStatus>('healthy', 'degraded', 'unhealthy'),
  category: fc.constantFrom('critical', 'non-critical'),
  message: suppliedText,
  details: fc.dictionary(suppliedText, suppliedText, { maxKeys: 3 }),
  componentType: fc.constantFrom('datastore', 'system', 'urn:x-edge-up-7b3'),
});
const scenario = fc.record({
  checks: fc.uniqueArray(fc.tuple(checkName, checkSpec), { maxLength: 5, selector: ([name]) => name }),
  version: suppliedText,
  label: suppliedText,
  lifecycle: fc.oneof(
    fc.constant({ kind: 'ready' as const }),
    fc.record({ kind: fc.constant('draining' as const), reason: suppliedText }),
    fc.record({ kind: fc.constant('failed' as const), reason: suppliedText }),
  ),
  /** Caller-chosen text that 4xx answers quote back: a path, a check name to exclude. */
  echo: suppliedText,
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

async function appFor(input: Scenario): Promise<(path: string, headers?: Record<string, string>) => Promise<Response>> {
  const reason = input.lifecycle.kind === 'ready' ? '' : input.lifecycle.reason;
  const lifecycle = new Lifecycle({
    init: [{ name: 'init', run: () => { if (input.lifecycle.kind === 'failed') throw new Error(reason); } }],
    retryDelayMs: 60_000,
  });
  const metrics = new HealthMetrics();
  const checks = input.checks.map(([name, spec]) =>
    defineCheck({ name, category: spec.category, componentType: spec.componentType, run: () => ({ status: spec.status, message: spec.message, details: spec.details }) }),
  );
  const health = createHealth({ checks, version: input.version, lifecycle, onReadiness: metrics.observe, initWaitMs: 1000 });
  const page = statusPage(health, { history: metrics });
  const router = createHealthRouter(health, {
    routes: { '/status': page, '/badge.svg': statusBadge(health, { label: input.label }), '/metrics': metricsEndpoint({ metrics, lifecycle, version: input.version }) },
    navigation: page,
    onError: () => {},
  });
  await health.startup(new Request('http://svc/health/startup'));
  if (input.lifecycle.kind === 'draining') lifecycle.drain(reason);
  return (path, headers = {}) => router.fetch(new Request(`http://svc${path}`, { headers }));
}

const HEALTH_ANSWERS: readonly [string, Record<string, string>][] = [
  '/health/live', '/health/ready', '/health/startup', '/health', '/health/live?verbose', '/health/ready?verbose', '/health/startup?verbose',
].flatMap((path): [string, Record<string, string>][] => [
  [path, {}],
  [path, { Accept: 'application/health+json' }],
]);
const PAGES: readonly [string, Record<string, string>][] = [
  ['/health/status', { Accept: 'text/html' }],
  ['/health/status', { Accept: 'application/json' }],
];

describe('the in-rotation token across the whole app (property)', () => {
  it('is in every 200 health answer and status page, within its first 5,120 bytes, and in no other answer', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (input) => {
        const ask = await appFor(input);
        for (const [path, headers] of [...HEALTH_ANSWERS, ...PAGES]) {
          const response = await ask(path, headers);
          const offsets = tokenOffsets(await response.text());
          expect([path, offsets.length]).toEqual([path, response.status === 200 ? 1 : 0]);
          for (const offset of offsets) expect(offset + ROTATION_TOKEN.length).toBeLessThanOrEqual(ROUTE53_BYTES);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('is never in the badge or the metrics (200 whatever the health), nor in a 4xx that quotes the request', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (input) => {
        const ask = await appFor(input);
        const echo = encodeURIComponent(input.echo);
        const answers: [string, Record<string, string>, number][] = [
          ['/health/badge.svg', {}, 200],
          ['/health/metrics', {}, 200],
          [`/health/x${echo}${ROTATION_TOKEN}`, {}, 404],
          [`/health/ready/${echo}${ROTATION_TOKEN}`, {}, 404],
          [`/health/ready?exclude=${echo}${ROTATION_TOKEN.toLowerCase()}`, {}, 400],
          [`/health/ready?timeout=${echo}${ROTATION_TOKEN}`, {}, 400],
          ['/health/status', { Accept: 'application/health+json' }, 406],
        ];
        for (const [path, headers, status] of answers) {
          const response = await ask(path, headers);
          expect([path, response.status]).toEqual([path, status]);
          expect([path, tokenOffsets(await response.text())]).toEqual([path, []]);
        }
      }),
      { numRuns: 60 },
    );
  });
});
