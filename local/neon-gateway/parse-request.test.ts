import { describe, expect, it } from 'vitest';
import { parseConnectionString } from './parse-connection-string.ts';
import { parsePayload } from './parse-payload.ts';
import { parseSqlHeaders } from './parse-sql-headers.ts';
import { redactSecrets } from './redact-secrets.ts';

describe('parseConnectionString', () => {
  it('reads what the driver sends', () => {
    const target = parseConnectionString(
      'postgresql://app%40x:p%40ss%3Aword@127.0.0.1:6543/my%20db?application_name=pkg%3Anpm&sslmode=require',
    );
    expect(target).toMatchObject({
      host: '127.0.0.1',
      port: 6543,
      user: 'app@x',
      password: 'p@ss:word',
      database: 'my db',
      applicationName: 'pkg:npm',
    });
    expect(target.secrets).toContain('p@ss:word');
    expect(target.secrets).toContain('p%40ss%3Aword');
  });

  it('defaults the port and accepts IPv6 and no password', () => {
    expect(parseConnectionString('postgres://u@[::1]/db')).toMatchObject({ host: '::1', port: 5432, password: undefined });
  });

  it.each([
    [undefined, /^Missing connection string/],
    ['not a url', /^Invalid connection string: not a URL/],
    ['https://u:sekrit@h/db', /^Incorrect scheme/],
    ['postgres://u:sekrit@h', /^Missing database name/],
    ['postgres://:sekrit@h/db', /^Missing username/],
    ['postgres://u:sekrit%zz@h/db', /bad percent-encoding/],
  ])('refuses %s with a 400 that echoes nothing', (header, message) => {
    try {
      parseConnectionString(header);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ name: 'GatewayError', status: 400 });
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain('sekrit');
    }
  });
});

describe('parsePayload', () => {
  it('reads a single query and a batch', () => {
    expect(parsePayload('{"query":"SELECT $1","params":[1]}')).toEqual({ kind: 'single', query: { query: 'SELECT $1', params: ['1'] } });
    expect(parsePayload('{"queries":[{"query":"SELECT 1","arrayMode":true}]}')).toEqual({
      kind: 'batch',
      queries: [{ query: 'SELECT 1', params: [], arrayMode: true }],
    });
  });

  it.each(['', '[]', '{"query":1}', '{"queries":{}}', '{"query":"x","arrayMode":"yes"}'])('refuses %j', (body) => {
    expect(() => parsePayload(body)).toThrow(/^could not parse the HTTP request body/);
  });
});

describe('parseSqlHeaders', () => {
  it('turns flags on only for exactly "true", as Neon does', () => {
    expect(
      parseSqlHeaders({
        'neon-raw-text-output': 'true',
        'neon-array-mode': 'TRUE',
        'neon-batch-isolation-level': 'Serializable',
        'neon-batch-read-only': 'true',
        'neon-batch-deferrable': 'false',
      }),
    ).toEqual({
      rawTextOutput: true,
      arrayMode: false,
      transactionModes: ['ISOLATION LEVEL SERIALIZABLE', 'READ ONLY'],
      echoHeaders: { 'Neon-Batch-Isolation-Level': 'Serializable', 'Neon-Batch-Read-Only': 'true' },
    });
  });
});

describe('redactSecrets', () => {
  it('scrubs every secret of four characters or more, longest first', () => {
    expect(
      redactSecrets({ message: 'postgres://u:hunter2@h/db and hunter2 and pw', code: null }, ['postgres://u:hunter2@h/db', 'hunter2', 'pw']),
    ).toEqual({ message: '[redacted] and [redacted] and pw', code: null });
  });
});
