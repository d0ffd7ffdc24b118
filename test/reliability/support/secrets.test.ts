import { describe, expect, it } from 'vitest';
import { findLeak } from './secrets.ts';

describe('findLeak', () => {
  const secrets = { token: 'Tk9xQ2vLmZp4' };
  it.each([
    ['the whole secret', 'Bearer Tk9xQ2vLmZp4', 'token'],
    ['six of its characters in a row', 'id=xxQ2vLmZyy', 'token'],
    ['its last six characters', 'end LmZp4'.replace('L', 'vL'), 'token'],
    ['five characters only', 'Tk9xQ and LmZp4', undefined],
    ['nothing of it', 'status: healthy', undefined],
  ])('finds %s', (_, text, expected) => {
    expect(findLeak(text, secrets, 'test')?.secret).toBe(expected);
  });

  it('says where and masks the piece it found', () => {
    expect(findLeak('before Q2vLmZ after', secrets, 'GET /x body')).toEqual({ secret: 'token', where: 'GET /x body', context: 'before <token> after' });
  });
});
