import { describe, expect, it } from 'vitest';
import { defineCheck, isCheckOptionError, parseCheckUrl } from './define-check.ts';

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
    expect((thrown as Error).message).not.toMatch(/secret|vital|xxxx|60001|1\.5|NaN|300/);
  });

  it.each([
    [{ name: 'db' }, { category: 'critical', timeoutMs: 5000 }],
    [{ name: 'a:b.c_d-1', category: 'non-critical', timeoutMs: 1 }, { name: 'a:b.c_d-1', category: 'non-critical', timeoutMs: 1 }],
    [{ name: 'db', timeoutMs: 60_000 }, { timeoutMs: 60_000 }],
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
