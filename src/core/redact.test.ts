import { describe, expect, it } from 'vitest';
import { redact, redactDeep } from './redact.ts';

describe('redact', () => {
  it.each<[string, string, string]>([
    ['URL user-info', 'connect to postgres://app:hunter2@db.internal:5432/main failed', 'connect to postgres://[redacted]@db.internal:5432/main failed'],
    ['user-info without a password', 'GET https://token123@api.example.com/x', 'GET https://[redacted]@api.example.com/x'],
    ['an unencoded @ in the password', 'postgres://app:p@ss@db.internal/main', 'postgres://[redacted]@db.internal/main'],
    ['several URLs in one line', 'a redis://:tok@r1 b https://u:p@h2/', 'a redis://[redacted]@r1 b https://[redacted]@h2/'],
    ['a URL without user-info, untouched', 'GET https://api.example.com/ping?x=1 → 503', 'GET https://api.example.com/ping?x=1 → 503'],
    ['password=…', 'FATAL: password=hunter2 rejected', 'FATAL: password=[redacted] rejected'],
    ['token: … in a header dump', 'token: abc.def.ghi', 'token: [redacted]'],
    ['a query string token', 'GET /x?token=abc123&page=2', 'GET /x?token=[redacted]&page=2'],
    ['a prefixed key (access_token)', 'GET /x?access_token=abc123&page=2', 'GET /x?access_token=[redacted]&page=2'],
    ['an environment variable (PGPASSWORD)', 'PGPASSWORD=hunter2 psql', 'PGPASSWORD=[redacted] psql'],
    ['client_secret in JSON', '{"client_secret":"s3cr3t","id":1}', '{"client_secret":"[redacted]","id":1}'],
    ['api-key and apikey', 'x-api-key: k1k1k1 apikey=k2k2k2', 'x-api-key: [redacted] apikey=[redacted]'],
    ['Authorization: Bearer', 'Authorization: Bearer eyJhbGciOi.xyz', 'Authorization: [redacted]'],
    ['Authorization: Basic', 'authorization: Basic dXNlcjpodW50ZXIy', 'authorization: [redacted]'],
    ['a quoted value with spaces', '{"password": "correct horse battery staple"}', '{"password": "[redacted]"}'],
    ['a JSON value with an escaped quote', '{"token":"ab\\"cd","id":1}', '{"token":"[redacted]","id":1}'],
    ['a quoted value cut before its closing quote', 'FATAL: {"password": "correct horse batt…', 'FATAL: {"password": "[redacted]"'],
    ['a single-quoted value with spaces', "secret='two words'", "secret='[redacted]'"],
    ['words that only look like keys, untouched', 'tokens: 5, passwordless login, secretary', 'tokens: 5, passwordless login, secretary'],
  ])('scrubs %s', (_label, text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it('scrubs every occurrence of each given secret, wherever it appears', () => {
    expect(redact('key sk_live_123 then sk_live_123 again', ['sk_live_123'])).toBe('key [redacted] then [redacted] again');
    expect(redact('db host neon-xyz.example.com down', ['neon-xyz.example.com'])).toBe('db host [redacted] down');
  });

  it('leaves secrets shorter than 4 characters alone: they would mangle ordinary words', () => {
    expect(redact('the cat sat', ['at'])).toBe('the cat sat');
  });

  it('treats a secret as plain text, not a pattern', () => {
    expect(redact('a.b and axb', ['a.b'])).toBe('a.b and axb');
    expect(redact('price $1.00 (net)', ['$1.00 (net)'])).toBe('price [redacted]');
  });
});

describe('redactDeep', () => {
  it('scrubs every string in nested details, arrays included, and keeps other values', () => {
    const details = {
      status_code: 500,
      ok: false,
      missing: null,
      upstream: { url: 'https://u:p4ss@api.example.com/', attempts: [{ error: 'token=abc123' }, 'plain'] },
    };
    expect(redactDeep(details, ['api.example.com'])).toEqual({
      status_code: 500,
      ok: false,
      missing: null,
      upstream: { url: 'https://[redacted]@[redacted]/', attempts: [{ error: 'token=[redacted]' }, 'plain'] },
    });
  });

  it('does not change the value it was given', () => {
    const details = { message: 'password=hunter2' };
    redactDeep(details);
    expect(details.message).toBe('password=hunter2');
  });

  it('scrubs keys as well as values', () => {
    expect(redactDeep({ 'postgres://app:hunter2@db/main': 'down' })).toEqual({ 'postgres://[redacted]@db/main': 'down' });
  });

  it('never hands back a secret nested deeper than it walks', () => {
    let nested: unknown = { url: 'postgres://app:hunter2@db/main' };
    for (let i = 0; i < 20; i += 1) nested = { nested };
    expect(JSON.stringify(redactDeep(nested))).not.toContain('hunter2');
  });

  it('stops on a cycle instead of overflowing the stack', () => {
    const cyclic: Record<string, unknown> = { token: 'secret=abcd' };
    cyclic.self = cyclic;
    expect(() => redactDeep(cyclic)).not.toThrow();
  });
});
