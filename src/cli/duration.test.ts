import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './duration.ts';

describe('parseDuration', () => {
  it.each<[string, number | undefined]>([
    ['60s', 60_000],
    ['500ms', 500],
    ['2m', 120_000],
    ['1h', 3_600_000],
    ['1.5s', 1500],
    ['30', 30_000],
    [' 5s ', 5000],
    ['', undefined],
    ['s', undefined],
    ['-5s', undefined],
    ['5 minutes', undefined],
    ['1e3', undefined],
    ['10d', undefined],
  ])('reads %j as %j ms', (text, expected) => {
    expect(parseDuration(text)).toBe(expected);
  });
});

describe('formatDuration', () => {
  it.each<[number, string]>([
    [0, '0 ms'],
    [250, '250 ms'],
    [1000, '1 s'],
    [1540, '1.5 s'],
    [60_000, '60 s'],
  ])('writes %d ms as %j', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });
});
