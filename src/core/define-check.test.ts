import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHECK_NAME_PATTERN, defineCheck, isCheckOptionError, parseCheckUrl } from './define-check.ts';
import { ROTATION_TOKEN } from './rotation-token.ts';

const run = (): { status: 'healthy' } => ({ status: 'healthy' });

describe('defineCheck', () => {
  it.each([
    [{ name: '' }, 'name', 'Check: name must be 1-63 letters'],
    [{ name: 'sk_live secret' }, 'name', 'Check: name must be 1-63 letters'],
    [{ name: 'x'.repeat(64) }, 'name', 'Check: name must be 1-63 letters'],
    [{ name: 'db', category: 'vital-secret' }, 'category', 'Check "db": category must be "critical" or "non-critical".'],
    [{ name: 'db', timeoutMs: 0 }, 'timeoutMs', 'Check "db": timeoutMs must be a whole number of milliseconds from 1 to 60000.'],
    [{ name: 'db', timeoutMs: 60_001 }, 'timeoutMs', 'must be a whole number of milliseconds from 1 to 60000'],
    [{ name: 'db', timeoutMs: 1.5 }, 'timeoutMs', 'must be a whole number'],
    [{ name: 'db', timeoutMs: Number.NaN }, 'timeoutMs', 'must be a whole number'],
    [{ name: 'db', timeoutMs: '300' }, 'timeoutMs', 'must be a whole number'],
    [{ name: ROTATION_TOKEN }, 'name', 'Check: name must not contain the in-rotation token'],
    [{ name: 'db-x-edge-up-7b3d.v2' }, 'name', 'Check: name must not contain the in-rotation token'],
    [{ name: 'db', componentType: '' }, 'componentType', 'Check "db": componentType must be "datastore", "system", "component"'],
    [{ name: 'db', componentType: 'data store' }, 'componentType', 'componentType must be'],
    [{ name: 'db', componentType: 'x'.repeat(201) }, 'componentType', 'componentType must be'],
    [{ name: 'db', componentType: `urn:${ROTATION_TOKEN.toLowerCase()}` }, 'componentType', 'componentType must be'],
    [{ name: 'db', componentType: 7 }, 'componentType', 'componentType must be'],
  ])('rejects %j naming the %s option and never its value', (options, option, message) => {
    let thrown: unknown;
    try {
      defineCheck({ ...(options as { name: string }), run });
    } catch (error) {
      thrown = error;
    }
    expect(isCheckOptionError(thrown)).toBe(true);
    expect(thrown).toMatchObject({ name: 'ConfigError', option });
    expect((thrown as Error).message).toContain(message);
    expect((thrown as Error).message).not.toMatch(/secret|vital|xxxx|60001|1\.5|NaN|300|X-EDGE-UP-7B3D/i);
  });

  it('rejects every valid-looking name that spells the in-rotation token in any case (property)', () => {
    const casing = fc.array(fc.boolean(), { minLength: ROTATION_TOKEN.length, maxLength: ROTATION_TOKEN.length }).map((upper) =>
      [...ROTATION_TOKEN].map((char, i) => (upper[i] ? char : char.toLowerCase())).join(''),
    );
    const name = fc.tuple(fc.stringMatching(/^[A-Za-z0-9]?[A-Za-z0-9_.:-]{0,20}$/), casing, fc.stringMatching(/^[A-Za-z0-9_.:-]{0,20}$/)).map(([before, token, after]) => `${before}${token}${after}`);
    fc.assert(
      fc.property(name.filter((candidate) => CHECK_NAME_PATTERN.test(candidate)), (candidate) => {
        expect(() => defineCheck({ name: candidate, run })).toThrow(/must not contain the in-rotation token/);
      }),
    );
  });

  it.each([
    [{ name: 'db' }, { category: 'critical', timeoutMs: 5000 }],
    [{ name: 'a:b.c_d-1', category: 'non-critical', timeoutMs: 1 }, { name: 'a:b.c_d-1', category: 'non-critical', timeoutMs: 1 }],
    [{ name: 'db', timeoutMs: 60_000 }, { timeoutMs: 60_000 }],
    [{ name: 'db', componentType: 'datastore' }, { componentType: 'datastore' }],
    [{ name: 'db', componentType: 'https://schema.org/Database' }, { componentType: 'https://schema.org/Database' }],
    [{ name: 'x-edge-up-7b3' }, { name: 'x-edge-up-7b3' }],
  ])('accepts %j', (options, expected) => {
    expect(defineCheck({ ...(options as { name: string }), run })).toMatchObject(expected);
  });
});

describe('parseCheckUrl', () => {
  it.each([
    ['user:pass@host/'],
    ['not a url'],
    ['mysql://u:p@h/db'],
    [''],
    [42],
  ])('rejects %j with the expectation only', (value) => {
    expect(() => parseCheckUrl('db', 'url', value, ['http:', 'https:'], 'must be an http URL')).toThrow(/^Check "db": url must be an http URL\.$/);
  });

  it('returns the parsed URL when its scheme is allowed', () => {
    expect(parseCheckUrl('db', 'url', 'https://a.test/x', ['https:'], 'must be https').href).toBe('https://a.test/x');
  });
});
