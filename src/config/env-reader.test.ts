import { describe, expect, it } from 'vitest';
import { built, EnvReader, wholeNumberOf } from './env-reader.ts';
import { CheckOptionError, ConfigError } from '../core/index.ts';

const read = <T>(value: unknown, get: (env: EnvReader) => T): { value: T; problems: string[] } => {
  const env = new EnvReader({ X: value });
  return { value: get(env), problems: env.problems };
};

describe('EnvReader', () => {
  it.each([
    [undefined, undefined],
    [null, undefined],
    ['', undefined],
    ['   ', undefined],
    ['  a b  ', 'a b'],
  ])('reads string %j as %j', (value, expected) => {
    expect(read(value, (env) => env.string('X'))).toEqual({ value: expected, problems: [] });
  });

  it('names a binding that is not a string, without showing it', () => {
    expect(read({ secret: 'kv-secret' }, (env) => env.string('X'))).toEqual({ value: undefined, problems: ['X must be a string (it is a object binding).'] });
  });

  it.each([
    ['true', true], ['TRUE', true], ['yes', true], ['on', true], ['1', true],
    ['false', false], ['No', false], ['off', false], ['0', false], [undefined, false],
  ])('reads boolean %j as %j', (value, expected) => {
    expect(read(value, (env) => env.boolean('X', false))).toEqual({ value: expected, problems: [] });
  });

  it.each(['maybe', 'y', '2', 'truee'])('names an invalid boolean %j without quoting it', (value) => {
    expect(read(value, (env) => env.boolean('X', true))).toEqual({ value: true, problems: ['X must be true or false (also 1/0, yes/no, on/off).'] });
  });

  it.each([
    ['0', 0, []],
    ['60000', 60_000, []],
    [undefined, 7, []],
    ['60001', 7, ['X must be a whole number of milliseconds from 0 to 60000.']],
    ['-1', 7, ['X must be a whole number of milliseconds from 0 to 60000.']],
    ['1.5', 7, ['X must be a whole number of milliseconds from 0 to 60000.']],
    ['forever', 7, ['X must be a whole number of milliseconds from 0 to 60000.']],
    ['1e3', 7, ['X must be a whole number of milliseconds from 0 to 60000.']],
  ])('reads milliseconds %j (0..60000) as %j', (value, expected, problems) => {
    expect(read(value, (env) => env.milliseconds('X', 7, { min: 0, max: 60_000 }))).toEqual({ value: expected, problems });
  });

  it.each([
    ['0', 0, []],
    ['65535', 65_535, []],
    ['65536', 8787, ['X must be a port number from 0 to 65535.']],
    ['eighty', 8787, ['X must be a port number from 0 to 65535.']],
  ])('reads port %j as %j', (value, expected, problems) => {
    expect(read(value, (env) => env.port('X', 8787))).toEqual({ value: expected, problems });
  });

  it.each([
    ['critical', 'critical'],
    ['NON_CRITICAL', 'non-critical'],
    ['Non-Critical', 'non-critical'],
    ['vital', 'vital'],
    [undefined, undefined],
  ])('reads category %j as %j, leaving validation to defineCheck', (value, expected) => {
    expect(read(value, (env) => env.category('X'))).toEqual({ value: expected, problems: [] });
  });

  it.each([
    ['300', 300],
    [300, 300],
    [1.5, 1.5],
    ['3s', Number.NaN],
    ['-3', Number.NaN],
    ['1e3', Number.NaN],
    [true, Number.NaN],
    ['9'.repeat(16), Number.NaN],
  ])('reads whole number %j as %j', (value, expected) => {
    expect(wholeNumberOf(value)).toBe(expected);
  });
});

describe('built', () => {
  it('turns a CheckOptionError into a problem under the variable behind the option', () => {
    const problems: string[] = [];
    const result = built(problems, (option) => `VAR_${option}`, () => {
      throw new CheckOptionError('db', 'timeoutMs', 'must be a whole number');
    });
    expect(result).toBeUndefined();
    expect(problems).toEqual(['VAR_timeoutMs must be a whole number.']);
  });

  it('keeps the message of another ConfigError', () => {
    const problems: string[] = [];
    built(problems, String, () => {
      throw new ConfigError('Two checks are named "api": names must be unique.');
    });
    expect(problems).toEqual(['Two checks are named "api": names must be unique.']);
  });

  it('lets any other error through: it is a bug, not a configuration problem', () => {
    expect(() => built([], String, () => {
      throw new TypeError('bug');
    })).toThrow(TypeError);
  });
});
