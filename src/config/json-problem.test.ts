import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonProblem } from './json-problem.ts';

describe('jsonProblem', () => {
  it.each([
    ['', 'at character 1, expected a value'],
    ['[{', 'at character 3, expected a property name in double quotes'],
    ['[', 'at character 2, expected a value'],
    ['[x]', 'at character 2, expected a value'],
    ['[1,]', 'at character 4, expected a value'],
    ['[1] 2', 'at character 5, expected the end of the text after the value'],
    ['[1 2]', 'at character 4, expected a comma or a closing ]'],
    ['[01]', 'at character 3, expected a comma or a closing ]'],
    ['[-]', 'at character 2, expected a number'],
    ['[{"a" 1}]', 'at character 7, expected a colon'],
    ['[{"a": 1 "b": 2}]', 'at character 10, expected a comma or a closing }'],
    ['[{"a": 1,}]', 'at character 10, expected a property name in double quotes'],
    ['["a', 'at character 2, expected a string closed by a double quote, with valid escapes and no control characters'],
    ['["\\q"]', 'at character 2, expected a string closed by a double quote, with valid escapes and no control characters'],
    ['["a\u0001"]', 'at character 2, expected a string closed by a double quote, with valid escapes and no control characters'],
    ['[/*c*/1]', 'at character 2, expected a value'],
    ["[{'name': 'api'}]", 'at character 3, expected a property name in double quotes'],
    ["['api']", 'at character 2, expected a JSON value (strings in double quotes)'],
    ['[tru]', 'at character 2, expected a value'],
    ['['.repeat(101), 'at character 101, expected at most 100 levels of nesting'],
    ['['.repeat(100_000), 'at character 101, expected at most 100 levels of nesting'],
  ])('locates the error in %j', (text, expected) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonProblem(text)).toBe(expected);
  });

  it.each(['[]', '{}', '[1, -2.5e3, true, false, null, "a\\u00e9\\n", {"k": [{}]}]', ' [ ] '])('finds nothing wrong in valid JSON %j', (text) => {
    expect(jsonProblem(text)).toBe('the text is not valid JSON');
  });

  it('never quotes the text, even when the whole of it is one secret-looking token', () => {
    const secret = '[sk_live_9f8e7d6c5b4a]';
    const problem = jsonProblem(secret);
    for (let i = 0; i + 4 <= secret.length; i += 1) expect(problem).not.toContain(secret.slice(i, i + 4));
  });

  it('agrees with JSON.parse on generated texts: a position exactly when JSON.parse rejects (fast-check)', () => {
    const broken = fc.tuple(fc.json(), fc.nat(), fc.string({ maxLength: 3 })).map(([json, at, junk]) => json.slice(0, at % (json.length + 1)) + junk + json.slice(at % (json.length + 1)));
    fc.assert(
      fc.property(fc.oneof(fc.json(), broken, fc.string()), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(jsonProblem(text).startsWith('at character ')).toBe(!valid);
      }),
      { numRuns: 2000 },
    );
  });
});
