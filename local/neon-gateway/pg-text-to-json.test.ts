import { describe, expect, it } from 'vitest';
import { pgTextToJson } from './pg-text-to-json.ts';

describe('pgTextToJson', () => {
  it.each([
    ['t', 16, true],
    ['f', 16, false],
    ['42', 23, 42],
    ['-7', 21, -7],
    ['9007199254740993', 20, '9007199254740993'],
    ['1.10', 1700, '1.10'],
    ['1.5', 701, 1.5],
    ['NaN', 701, 'NaN'],
    ['-Infinity', 700, '-Infinity'],
    ['{"a":[1,null]}', 3802, { a: [1, null] }],
    ['"s"', 114, 's'],
    ['2026-01-02 03:04:05+00', 1184, '2026-01-02 03:04:05+00'],
    ['\\x00ff', 17, '\\x00ff'],
  ])('%s (type %i)', (text, type, expected) => {
    expect(pgTextToJson(text, type)).toEqual(expected);
  });

  it.each([
    ['{1,2,NULL}', 1007, [1, 2, null]],
    ['{}', 1007, []],
    ['{{1,2},{3,4}}', 1007, [[1, 2], [3, 4]]],
    ['[0:1]={7,8}', 1007, [7, 8]],
    ['{a,"b c","d,e","q\\"r","s\\\\t",NULL,"NULL"}', 1009, ['a', 'b c', 'd,e', 'q"r', 's\\t', null, 'NULL']],
    ['{t,f}', 1000, [true, false]],
    ['{"{\\"k\\": 1}"}', 3807, [{ k: 1 }]],
    ['{10000000000}', 1016, ['10000000000']],
    ['{(1,1),(0,0);(2,2),(1,1)}', 1020, ['(1,1),(0,0)', '(2,2),(1,1)']],
  ])('array %s (type %i)', (text, type, expected) => {
    expect(pgTextToJson(text, type)).toEqual(expected);
  });

  it('rejects an unbalanced array', () => {
    expect(() => pgTextToJson('{1,2', 1007)).toThrow(/could not parse postgres array/);
  });
});
