import { describe, expect, it } from 'vitest';
import { selectChecks, type Selection } from './select-checks.ts';
import type { Check } from './types.ts';

const check = (name: string): Check => ({ name, category: 'critical', timeoutMs: 1000, run: () => ({ status: 'healthy' }) });
const CHECKS = ['postgres', 'redis', 'api'].map(check);

const select = (query: string, only?: string, checks: readonly Check[] = CHECKS): Selection =>
  selectChecks(checks, new URLSearchParams(query), only);
const names = (selection: Selection): string[] => (selection.ok ? selection.checks.map((c) => c.name) : []);

describe('selectChecks with ?exclude=', () => {
  it.each<[string, string, string[]]>([
    ['no query', '', ['postgres', 'redis', 'api']],
    ['one name', 'exclude=redis', ['postgres', 'api']],
    ['a comma-separated list', 'exclude=redis,postgres', ['api']],
    ['the parameter repeated', 'exclude=redis&exclude=api', ['postgres']],
    ['spaces around names', 'exclude=%20redis%20,%20api', ['postgres']],
    ['empty entries', 'exclude=&exclude=,,redis,', ['postgres', 'api']],
    ['the same name twice', 'exclude=redis,redis', ['postgres', 'api']],
    ['every check', 'exclude=postgres,redis,api', []],
    ['other parameters', 'verbose&exclude=api&x=1', ['postgres', 'redis']],
  ])('%s → %j, in registration order', (_label, query, expected) => {
    const selection = select(query);
    expect(selection.ok).toBe(true);
    expect(names(selection)).toEqual(expected);
  });

  it.each<[string, string, string]>([
    ['an unknown name', 'exclude=typo', 'Cannot exclude "typo": no such check. Known checks: postgres, redis, api.'],
    ['several unknown names among known ones', 'exclude=redis,nope,Api', 'Cannot exclude "nope", "Api": no such check. Known checks: postgres, redis, api.'],
    ['a name with quotes and a newline, escaped', 'exclude=a%22b%0Ac', 'Cannot exclude "a\\"b\\nc": no such check. Known checks: postgres, redis, api.'],
  ])('rejects %s with 400 naming it and the known checks', (_label, query, error) => {
    expect(select(query)).toEqual({ ok: false, httpStatus: 400, error });
  });

  it('shortens a very long unknown name to 64 characters in the message', () => {
    const selection = select(`exclude=${'x'.repeat(10_000)}`);
    expect(selection).toMatchObject({ ok: false, httpStatus: 400 });
    if (selection.ok) return;
    expect(selection.error).toContain(`"${'x'.repeat(64)}…"`);
    expect(selection.error.length).toBeLessThan(200);
  });

  it('accepts 64 names and rejects 65 with 400', () => {
    expect(select(Array(64).fill('exclude=api').join('&'))).toMatchObject({ ok: true });
    expect(select(`exclude=${Array(65).fill('api').join(',')}`)).toEqual({ ok: false, httpStatus: 400, error: 'Too many names in exclude (at most 64).' });
  });

  it('says (none) when no checks are registered', () => {
    expect(select('exclude=db', undefined, [])).toEqual({ ok: false, httpStatus: 400, error: 'Cannot exclude "db": no such check. Known checks: (none).' });
  });
});

describe('selectChecks for one check (/ready/<name>)', () => {
  it('selects only that check, ignoring ?exclude=', () => {
    expect(names(select('exclude=redis', 'redis'))).toEqual(['redis']);
  });

  it.each<[string, string]>([
    ['an unknown name', 'nope'],
    ['a name in another case', 'Redis'],
    ['an empty name', ''],
  ])('answers 404 for %s, naming the known checks', (_label, only) => {
    expect(select('', only)).toEqual({ ok: false, httpStatus: 404, error: `No check is named ${JSON.stringify(only)}. Known checks: postgres, redis, api.` });
  });

  it('shortens a very long name in the 404 message', () => {
    const selection = select('', 'y'.repeat(500));
    expect(selection).toMatchObject({ ok: false, httpStatus: 404 });
    expect(selection.ok ? '' : selection.error).toBe(`No check is named "${'y'.repeat(64)}…". Known checks: postgres, redis, api.`);
  });
});
