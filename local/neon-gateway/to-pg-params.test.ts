import { describe, expect, it } from 'vitest';
import { toPgParams } from './to-pg-params.ts';

describe('toPgParams', () => {
  it('turns JSON values into Postgres text as Neon does', () => {
    expect(toPgParams(['text', 'quote"d', 42, 1.5, true, false, null, { k: 'v' }])).toEqual([
      'text', 'quote"d', '42', '1.5', 'true', 'false', null, '{"k":"v"}',
    ]);
  });

  it('turns arrays into escaped array literals', () => {
    expect(toPgParams([[1, null, 'NULL', 'a"b', 'c\\d', true], [[1, 2], [3]], [{ k: 1 }]])).toEqual([
      '{1,NULL,"NULL","a\\"b","c\\\\d",true}',
      '{{1,2},{3}}',
      '{"{\\"k\\":1}"}',
    ]);
  });
});
