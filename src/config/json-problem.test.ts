import { describe, expect, it } from 'vitest';
import { jsonProblem } from './json-problem.ts';

describe('jsonProblem', () => {
  it.each([
    ['[{', 'at character 3, expected a closing }'],
    ['[x]', 'at character 2, expected a JSON value (strings in double quotes)'],
    ['[1,]', 'at character 4, expected a value'],
    ['[1] 2', 'at character 5, expected the end of the text after the array'],
    ['[1 2]', 'at character 4, expected a comma'],
    ['[{"a" 1}]', 'at character 7, expected a colon'],
    ['["a', 'at character 2, expected a closing double quote'],
    ['[/*c*/1]', 'at character 2, expected no comment (JSON has none)'],
    ["[{'name': 'api'}]", 'at character 3, expected a JSON value (strings in double quotes)'],
  ])('locates the error in %j', (text, expected) => {
    expect(jsonProblem(text)).toBe(expected);
  });

  it('never quotes the text, even when the whole of it is one secret-looking token', () => {
    const secret = '[sk_live_9f8e7d6c5b4a]';
    const problem = jsonProblem(secret);
    for (let i = 0; i + 4 <= secret.length; i += 1) expect(problem).not.toContain(secret.slice(i, i + 4));
  });
});
