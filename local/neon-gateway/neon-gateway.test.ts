import { neon, type NeonQueryFunction, type NeonQueryPromise } from '@neondatabase/serverless';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGatewayStack, type GatewayStack } from './fixtures/start-gateway-stack.ts';

let stack: GatewayStack;
let sql: NeonQueryFunction<false, false>;

beforeAll(async () => {
  stack = await startGatewayStack('binary');
  sql = neon(stack.postgres.url);
  await sql`CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL)`;
}, 60_000);

afterAll(() => stack?.stop());

describe('queries through the real driver', () => {
  it('returns the types node-postgres would parse', async () => {
    const [row] = await sql`
      SELECT 42::int AS int, 9007199254740993::bigint AS big, 12345.6789::numeric AS num,
             'héllo "q"'::text AS text, true AS yes, false AS no,
             '2026-01-02T03:04:05.678Z'::timestamptz AS at, '{"a":[1,null]}'::json AS js,
             '{"b":{"c":true}}'::jsonb AS jsb, ARRAY[1, 2, NULL]::int[] AS ints,
             ARRAY['a', 'b,c', '"q"', NULL]::text[] AS texts, '\\x00ff10'::bytea AS bytes,
             NULL::int AS nothing, 1.5::float8 AS float`;
    expect(row).toEqual({
      int: 42,
      big: '9007199254740993',
      num: '12345.6789',
      text: 'héllo "q"',
      yes: true,
      no: false,
      at: new Date('2026-01-02T03:04:05.678Z'),
      js: { a: [1, null] },
      jsb: { b: { c: true } },
      ints: [1, 2, null],
      texts: ['a', 'b,c', '"q"', null],
      bytes: Buffer.from([0x00, 0xff, 0x10]),
      nothing: null,
      float: 1.5,
    });
  });

  it('sends parameters of every kind as Postgres text', async () => {
    const at = new Date('2026-05-06T07:08:09.010Z');
    const [row] = await sql`
      SELECT ${7}::int + 1 AS sum, ${"it's"}::text AS text, ${at}::timestamptz AS at,
             ${Buffer.from('hi')}::bytea AS bytes, ${[1, 2, 3]}::int[] AS ints,
             ${JSON.stringify({ k: 'v' })}::jsonb AS doc, ${null}::text IS NULL AS was_null,
             ${true}::bool AS flag, ${12345678901234567890n}::numeric AS big`;
    expect(row).toEqual({
      sum: 8,
      text: "it's",
      at,
      bytes: Buffer.from('hi'),
      ints: [1, 2, 3],
      doc: { k: 'v' },
      was_null: true,
      flag: true,
      big: '12345678901234567890',
    });
  });

  it('runs sql.query with $n placeholders', async () => {
    const rows = await sql.query('SELECT $1::text || $2::text AS joined', ['a', 'b']);
    expect(rows).toEqual([{ joined: 'ab' }]);
  });

  it('honours fullResults and arrayMode, per client and per call', async () => {
    const full = await sql.query('SELECT 1::int AS a, 2::int AS b', [], { fullResults: true, arrayMode: true });
    expect(full.command).toBe('SELECT');
    expect(full.rowCount).toBe(1);
    expect(full.rowAsArray).toBe(true);
    expect(full.rows).toEqual([[1, 2]]);
    expect(full.fields.map((field) => [field.name, field.dataTypeID, field.format])).toEqual([
      ['a', 23, 'text'],
      ['b', 23, 'text'],
    ]);

    const arrays = neon(stack.postgres.url, { arrayMode: true });
    expect(await arrays`SELECT 'x' AS x, NULL AS y`).toEqual([['x', null]]);
  });

  it('reports command and rowCount for writes', async () => {
    const insert = await sql.query('INSERT INTO items VALUES (100, $1), (101, $2)', ['p', 'q'], { fullResults: true });
    expect(insert).toMatchObject({ command: 'INSERT', rowCount: 2, rows: [], fields: [] });
    const update = await sql.query('UPDATE items SET name = name WHERE id >= 100', [], { fullResults: true });
    expect(update).toMatchObject({ command: 'UPDATE', rowCount: 2 });
    const table = await sql.query('SELECT id FROM items WHERE id = 100', [], { fullResults: true });
    expect(table.fields[0]?.tableID).toBeGreaterThan(0);
    expect(table.fields[0]?.columnID).toBe(1);
  });
});

describe('transactions through sql.transaction', () => {
  it('commits every statement together', async () => {
    const results = await sql.transaction([
      sql`INSERT INTO items VALUES (1, 'one')`,
      sql`INSERT INTO items VALUES (2, 'two')`,
      sql`SELECT count(*)::int AS n FROM items WHERE id IN (1, 2)`,
    ]);
    expect(results).toEqual([[], [], [{ n: 2 }]]);
    expect(await sql`SELECT name FROM items WHERE id IN (1, 2) ORDER BY id`).toEqual([{ name: 'one' }, { name: 'two' }]);
  });

  it('rolls everything back when one statement fails', async () => {
    await expect(
      sql.transaction((txn) => [txn`INSERT INTO items VALUES (3, 'three')`, txn`INSERT INTO items VALUES (1, 'dup')`]),
    ).rejects.toMatchObject({ name: 'NeonDbError', code: '23505', constraint: 'items_pkey' });
    expect(await sql`SELECT count(*)::int AS n FROM items WHERE id = 3`).toEqual([{ n: 0 }]);
  });

  it('honours isolation level, read-only and deferrable', async () => {
    const [isolation, readOnly, deferrable] = await sql.transaction(
      [sql`SHOW transaction_isolation`, sql`SHOW transaction_read_only`, sql`SHOW transaction_deferrable`],
      { isolationLevel: 'Serializable', readOnly: true, deferrable: true },
    );
    expect([isolation, readOnly, deferrable]).toEqual([
      [{ transaction_isolation: 'serializable' }],
      [{ transaction_read_only: 'on' }],
      [{ transaction_deferrable: 'on' }],
    ]);
    await expect(sql.transaction([sql`INSERT INTO items VALUES (9, 'nine')`], { readOnly: true })).rejects.toMatchObject({
      code: '25006',
    });
  });

  it('applies per-query arrayMode and fullResults inside a transaction', async () => {
    // The driver's types allow only the transaction's own modes here; its runtime honours each query's.
    const mixed = [
      sql.query('SELECT 1::int AS a', [], { arrayMode: true }),
      sql.query('SELECT 2::int AS b', [], { fullResults: true }),
    ] as unknown as NeonQueryPromise<false, false>[];
    const [plain, full] = await sql.transaction(mixed);
    expect(plain).toEqual([[1]]);
    expect(full).toMatchObject({ command: 'SELECT', rowCount: 1, rows: [{ b: 2 }] });
  });

  it('discards a connection a single query left inside a transaction', async () => {
    await expect(sql`BEGIN`).resolves.toEqual([]);
    // Inside a leftover transaction now() would stand still between statements.
    const [first] = await sql`SELECT now()::text AS at`;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const [second] = await sql`SELECT now()::text AS at`;
    expect(second?.['at']).not.toBe(first?.['at']);
    await expect
      .poll(async () => sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE state LIKE 'idle in transaction%'`)
      .toEqual([{ n: 0 }]);
  });
});

describe('each HTTP query runs in a fresh session, as on Neon', () => {
  it('forgets SET, search_path and temporary tables before the next query, on the same pooled backend', async () => {
    const [before] = await sql`SELECT pg_backend_pid() AS pid`;
    await sql`SET TimeZone = 'Pacific/Chatham'`;
    await sql`SET search_path = pg_catalog`;
    await sql`CREATE TEMPORARY TABLE leftover (id int)`;
    const [after] = await sql`
      SELECT pg_backend_pid() AS pid, current_setting('TimeZone') AS tz, current_setting('search_path') AS path,
             to_regclass('pg_temp.leftover') IS NULL AS temp_gone`;
    // The same backend served both: the pool is kept, only the session state is reset.
    expect(after).toEqual({ pid: before?.['pid'], tz: 'UTC', path: '"$user", public', temp_gone: true });
  });

  it('resets a transaction batch too', async () => {
    await sql.transaction([sql`SET TimeZone = 'Pacific/Chatham'`, sql`SELECT 1`]);
    expect(await sql`SELECT current_setting('TimeZone') AS tz`).toEqual([{ tz: 'UTC' }]);
  });
});
