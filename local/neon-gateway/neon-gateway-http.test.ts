import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBinaryPostgres, type EphemeralPostgres } from '../postgres/index.ts';
import { startNeonGateway } from './start-neon-gateway.ts';
import type { NeonGateway } from './types.ts';

let postgres: EphemeralPostgres;
let gateway: NeonGateway;

beforeAll(async () => {
  postgres = await startBinaryPostgres();
  gateway = await startNeonGateway();
}, 60_000);

afterAll(async () => {
  await gateway?.close();
  await postgres?.stop();
});

const post = (body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(gateway.endpoint, {
    method: 'POST',
    headers: { 'Neon-Connection-String': postgres.url, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('refused requests: JSON 4xx with a message that says what to fix', () => {
  it.each([
    ['no connection string header', () => fetch(gateway.endpoint, { method: 'POST', body: '{"query":"SELECT 1"}' }), 400, /^Missing connection string\. Send postgres:\/\//],
    ['a connection string that is not a URL', () => post({ query: 'SELECT 1' }, { 'Neon-Connection-String': 'host=x password=sekrit' }), 400, /not a URL/],
    ['a wrong scheme', () => post({ query: 'SELECT 1' }, { 'Neon-Connection-String': 'mysql://u:sekrit@h/db' }), 400, /^Incorrect scheme/],
    ['no database name', () => post({ query: 'SELECT 1' }, { 'Neon-Connection-String': 'postgres://u:sekrit@h:5432' }), 400, /^Missing database name/],
    ['a body that is not JSON', () => post('SELECT 1'), 400, /^could not parse the HTTP request body: Unexpected token/],
    ['a body without a query', () => post({ sql: 'SELECT 1' }), 400, /body\.query must be a string/],
    ['params that are not an array', () => post({ query: 'SELECT 1', params: 'x' }), 400, /params must be an array/],
    ['an unknown isolation level', () => post({ queries: [] }, { 'Neon-Batch-Isolation-Level': 'Chaos' }), 400, /^invalid isolation level/],
    ['GET', () => fetch(gateway.endpoint), 405, /^Method GET not allowed: use POST \/sql/],
    ['another path', () => fetch(`${gateway.url}/query`, { method: 'POST' }), 404, /^Not found: \/query/],
  ])('%s', async (_name, send, status, message) => {
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/json');
    const body = (await response.json()) as { message: string };
    expect(body.message).toMatch(message);
    expect(JSON.stringify(body)).not.toContain('sekrit');
  });

  it('names the allowed methods on a 405', async () => {
    expect((await fetch(gateway.endpoint, { method: 'PUT' })).headers.get('allow')).toBe('POST, OPTIONS');
  });

  it('refuses bodies over the limit with 413', async () => {
    const small = await startNeonGateway({ maxBodyBytes: 64 });
    try {
      const response = await fetch(small.endpoint, {
        method: 'POST',
        headers: { 'Neon-Connection-String': postgres.url },
        body: JSON.stringify({ query: `SELECT '${'x'.repeat(100)}'` }),
      });
      expect(response.status).toBe(413);
    } finally {
      await small.close();
    }
  });
});

describe('the wire format', () => {
  it('answers with raw text in arrays when asked, exactly as the driver expects', async () => {
    const response = await post(
      { query: 'SELECT $1::int AS n, NULL::text AS t, ARRAY[1,2] AS a', params: ['7'] },
      { 'Neon-Raw-Text-Output': 'true', 'Neon-Array-Mode': 'true' },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await response.json()).toEqual({
      command: 'SELECT',
      rowCount: 1,
      rowAsArray: true,
      fields: [
        { name: 'n', dataTypeID: 23, tableID: 0, columnID: 0, dataTypeSize: 4, dataTypeModifier: -1, format: 'text' },
        { name: 't', dataTypeID: 25, tableID: 0, columnID: 0, dataTypeSize: -1, dataTypeModifier: -1, format: 'text' },
        { name: 'a', dataTypeID: 1007, tableID: 0, columnID: 0, dataTypeSize: -1, dataTypeModifier: -1, format: 'text' },
      ],
      rows: [['7', null, '{1,2}']],
    });
  });

  it('answers JSON-typed objects without those headers, as Neon does', async () => {
    const response = await post({
      query: `SELECT 1::int2 AS small, 2::int8 AS big, true AS yes, 1.5::float8 AS f, 'NaN'::float8 AS nan,
                     '{"k":[1]}'::jsonb AS doc, ARRAY['a b', NULL] AS texts, ARRAY[[1,2],[3,4]] AS grid, 1.10::numeric AS num`,
    });
    const body = (await response.json()) as { rowAsArray: boolean; rows: unknown[] };
    expect(body.rowAsArray).toBe(false);
    expect(body.rows).toEqual([
      { small: 1, big: '2', yes: true, f: 1.5, nan: 'NaN', doc: { k: [1] }, texts: ['a b', null], grid: [[1, 2], [3, 4]], num: '1.10' },
    ]);
  });

  it('accepts JSON params of any type', async () => {
    const response = await post(
      { query: 'SELECT $1::int AS n, $2::bool AS b, $3::jsonb AS j, $4::text[] AS a, $5::text AS nothing', params: [5, true, { x: 1 }, ['p', 'q"r'], null] },
      { 'Neon-Raw-Text-Output': 'true', 'Neon-Array-Mode': 'true' },
    );
    expect(((await response.json()) as { rows: unknown[] }).rows).toEqual([['5', 't', '{"x": 1}', '{p,"q\\"r"}', null]]);
  });

  it('runs a batch in one transaction and echoes its settings', async () => {
    const response = await post(
      { queries: [{ query: 'SELECT txid_current() AS id' }, { query: 'SELECT txid_current() AS id', arrayMode: true }] },
      { 'Neon-Batch-Isolation-Level': 'RepeatableRead', 'Neon-Batch-Read-Only': 'false', 'Neon-Raw-Text-Output': 'true' },
    );
    expect(response.headers.get('neon-batch-isolation-level')).toBe('RepeatableRead');
    expect(response.headers.get('neon-batch-read-only')).toBeNull();
    const { results } = (await response.json()) as { results: { rowAsArray: boolean; rows: unknown[] }[] };
    const [first, second] = results;
    expect(first?.rowAsArray).toBe(false);
    expect(second?.rowAsArray).toBe(true);
    expect(second?.rows).toEqual([[(first?.rows[0] as { id: string }).id]]);
  });

  it('answers a CORS preflight', async () => {
    const response = await fetch(gateway.endpoint, { method: 'OPTIONS' });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-headers')).toContain('Neon-Connection-String');
  });
});

describe('close()', () => {
  it('cancels statements still running and returns promptly', async () => {
    const own = await startNeonGateway();
    const pending = fetch(own.endpoint, {
      method: 'POST',
      headers: { 'Neon-Connection-String': postgres.url },
      body: JSON.stringify({ query: "SELECT pg_sleep(30), 'close-test'" }),
    }).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    await own.close();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await pending).toBeInstanceOf(Error);
    const check = await post({ query: "SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE '%close-test%' AND pid <> pg_backend_pid()" });
    expect(((await check.json()) as { rows: unknown[] }).rows).toEqual([{ n: 0 }]);
  });
});
