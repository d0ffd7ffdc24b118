import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderResponse, type HealthSummary } from './render.ts';
import { containsRotationToken, ROTATION_TOKEN, withoutRotationToken, withRotationField, withRotationLine } from './rotation-token.ts';
import type { CheckReport, CheckStatus, FailureReason } from './types.ts';
import { ROUTE53_BYTES, suppliedText, tokenOffsets } from '../../test/support/rotation-token.ts';

const STATUSES: readonly CheckStatus[] = ['healthy', 'degraded', 'unhealthy'];
const REASONS: readonly FailureReason[] = ['timeout', 'refused', 'http_status', 'slow', 'error'];

const report: fc.Arbitrary<CheckReport> = fc.record(
  {
    name: suppliedText,
    category: fc.constantFrom('critical', 'non-critical'),
    status: fc.constantFrom(...STATUSES),
    latencyMs: fc.nat(100_000),
    componentType: suppliedText,
    message: suppliedText,
    reason: fc.constantFrom(...REASONS),
    details: fc.dictionary(suppliedText, fc.oneof(suppliedText, fc.array(suppliedText, { maxLength: 3 }), fc.integer()), { maxKeys: 4 }),
    ageMs: fc.nat(600_000),
  },
  { requiredKeys: ['name', 'category', 'status', 'latencyMs'] },
);

const summary: fc.Arbitrary<HealthSummary> = fc.record(
  {
    endpoint: fc.constantFrom('live', 'ready', 'startup'),
    status: fc.constantFrom('healthy', 'degraded', 'unhealthy', 'not_started', 'shutting_down', 'draining', 'starting', 'started', 'failed', 'stopped'),
    httpStatus: fc.constantFrom(200, 503),
    version: suppliedText,
    dependencies: fc.array(report, { maxLength: 40 }),
    message: suppliedText,
    ageMs: fc.nat(600_000),
    sharing: suppliedText,
  },
  { requiredKeys: ['endpoint', 'status', 'httpStatus', 'version', 'dependencies'] },
);

const FORMATS: readonly [string, RequestInit, string][] = [
  ['the seed JSON', {}, ''],
  ['application/health+json', { headers: { Accept: 'application/health+json' } }, ''],
  ['the ?verbose text', {}, '?verbose'],
];

describe('withoutRotationToken', () => {
  it.each<[string, string, string]>([
    ['replaces the token as it is', `ok ${ROTATION_TOKEN} ok`, 'ok [rotation-token] ok'],
    ['replaces the token in lower case', 'x-edge-up-7b3d', '[rotation-token]'],
    ['replaces the token in mixed case, twice', 'X-edge-UP-7b3D/x-EDGE-up-7B3d', '[rotation-token]/[rotation-token]'],
    ['replaces a token around a token, leaving no new one', 'X-EDGE-UX-EDGE-UP-7B3DP-7B3D', 'X-EDGE-U[rotation-token]P-7B3D'],
    ['leaves a near miss untouched', 'X-EDGE-UP-7B3 X_EDGE_UP_7B3D', 'X-EDGE-UP-7B3 X_EDGE_UP_7B3D'],
    ['leaves ordinary text untouched', 'healthy, unhealthy, "status":"healthy"', 'healthy, unhealthy, "status":"healthy"'],
  ])('%s', (_label, text, expected) => {
    expect(withoutRotationToken(text)).toBe(expected);
    expect(containsRotationToken(withoutRotationToken(text))).toBe(false);
  });
});

describe('withRotationField and withRotationLine', () => {
  it.each([
    [200, true],
    [503, false],
    [404, false],
    [500, false],
  ])('an HTTP %i answer carries the token: %s', (httpStatus, carried) => {
    const field = withRotationField(httpStatus, { status: 'x', message: ROTATION_TOKEN });
    expect(Object.keys(field)[0] === 'in_rotation').toBe(carried);
    expect(tokenOffsets(JSON.stringify(field)).length).toBe(carried ? 1 : 0);
    expect(tokenOffsets(withRotationLine(httpStatus, `${ROTATION_TOKEN}\n`)).length).toBe(carried ? 1 : 0);
  });
});

describe('withRotationField on values JSON writes its own way', () => {
  it('replaces the token in what a toJSON returns, and leaves a body without it as it is', () => {
    const sneaky = { status: 'x', details: { when: { toJSON: () => `at ${ROTATION_TOKEN.toLowerCase()}` } } };
    expect(JSON.stringify(withRotationField(503, sneaky))).toBe('{"status":"x","details":{"when":"at [rotation-token]"}}');
    const plain = { status: 'x', details: { n: 1 } };
    expect(withRotationField(503, plain)).toBe(plain);
  });
});

describe('the in-rotation token in every health format (property)', () => {
  it.each(FORMATS)('%s carries the token once, within the first 5,120 bytes, exactly when the answer is a 200', async (_label, init, query) => {
    await fc.assert(
      fc.asyncProperty(summary, async (input) => {
        const response = renderResponse(new Request(`http://svc/health/${input.endpoint}${query}`, init), input);
        const offsets = tokenOffsets(await response.text());
        expect(offsets.length).toBe(response.status === 200 ? 1 : 0);
        for (const offset of offsets) expect(offset + ROTATION_TOKEN.length).toBeLessThanOrEqual(ROUTE53_BYTES);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the seed JSON fields, with the token field first exactly on a 200', async () => {
    await fc.assert(
      fc.asyncProperty(summary, async (input) => {
        const response = renderResponse(new Request('http://svc/health/ready'), input);
        const keys = Object.keys((await response.json()) as object);
        expect(keys).toEqual(expect.arrayContaining(['status', 'version', 'dependencies']));
        expect(keys[0] === 'in_rotation').toBe(input.httpStatus === 200);
      }),
      { numRuns: 100 },
    );
  });
});
