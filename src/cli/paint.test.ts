import { describe, expect, it } from 'vitest';
import { ansi, choosePaint, plain } from './paint.ts';

describe('choosePaint', () => {
  it.each<[string, boolean, Record<string, string>, boolean, typeof ansi]>([
    ['a terminal', true, {}, true, ansi],
    ['a pipe', false, {}, true, plain],
    ['a terminal with NO_COLOR', true, { NO_COLOR: '1' }, true, plain],
    ['a terminal with an empty NO_COLOR', true, { NO_COLOR: '' }, true, ansi],
    ['a dumb terminal', true, { TERM: 'dumb' }, true, plain],
    ['a terminal with --no-color', true, {}, false, plain],
    ['a pipe with FORCE_COLOR', false, { FORCE_COLOR: '1' }, true, ansi],
    ['a pipe with FORCE_COLOR=0', false, { FORCE_COLOR: '0' }, true, plain],
    ['FORCE_COLOR with NO_COLOR', true, { FORCE_COLOR: '1', NO_COLOR: '1' }, true, plain],
  ])('colours %s: %s', (_case, isTTY, env, wanted, expected) => {
    expect(choosePaint(isTTY, env, wanted)).toBe(expected);
  });

  it('wraps text in ANSI codes only when colouring', () => {
    expect(ansi('bad', 'x')).toBe('\u001b[31mx\u001b[39m');
    expect(plain('bad', 'x')).toBe('x');
  });
});
