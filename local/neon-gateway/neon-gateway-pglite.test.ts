import { neon, type NeonQueryFunction } from '@neondatabase/serverless';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGatewayStack, type GatewayStack } from './fixtures/start-gateway-stack.ts';

let stack: GatewayStack;
let sql: NeonQueryFunction<false, false>;

beforeAll(async () => {
  stack = await startGatewayStack('pglite');
  sql = neon(stack.postgres.url);
}, 60_000);

afterAll(() => stack?.stop());

describe('the gateway in front of PGlite, through the real driver', () => {
  it('runs SELECT 1', async () => {
    expect(stack.postgres.kind).toBe('pglite');
    expect(await sql`SELECT 1 AS one`).toEqual([{ one: 1 }]);
  });

  it('runs a parameterized query with typed results', async () => {
    const at = new Date('2026-03-04T05:06:07.000Z');
    expect(await sql`SELECT ${41}::int + 1 AS answer, ${'pg'}::text || 'lite' AS name, ${at}::timestamptz AS at, ${[1, 2]}::int[] AS ints`).toEqual([
      { answer: 42, name: 'pglite', at, ints: [1, 2] },
    ]);
  });

  it('commits and rolls back transactions', async () => {
    await sql`CREATE TABLE notes (id int PRIMARY KEY)`;
    await sql.transaction([sql`INSERT INTO notes VALUES (1)`, sql`INSERT INTO notes VALUES (2)`]);
    await expect(sql.transaction([sql`INSERT INTO notes VALUES (3)`, sql`INSERT INTO notes VALUES (1)`])).rejects.toMatchObject({
      code: '23505',
    });
    expect(await sql`SELECT array_agg(id ORDER BY id) AS ids FROM notes`).toEqual([{ ids: [1, 2] }]);
  });

  it('serves concurrent requests over several pooled connections', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => sql`SELECT ${i}::int AS i, ${`q${i}`} AS tag`));
    expect(answers).toEqual(Array.from({ length: 12 }, (_, i) => [{ i, tag: `q${i}` }]));
  });

  it('keeps statements and transactions whole while other requests run', async () => {
    await sql`CREATE TABLE counters (n int)`;
    for (let round = 0; round < 3; round++) {
      const [tx, ...singles] = await Promise.all([
        sql.transaction([sql`INSERT INTO counters VALUES (${round})`, sql`SELECT count(*)::int AS n FROM counters`]),
        ...Array.from({ length: 8 }, (_, i) => sql.query(`SELECT $1::int AS i, ${i} AS c${i}`, [i])),
      ]);
      expect(tx?.[1]).toEqual([{ n: round + 1 }]);
      expect(singles).toEqual(Array.from({ length: 8 }, (_, i) => [{ i, [`c${i}`]: i }]));
    }
  });

  it('reports Postgres errors with their code', async () => {
    await expect(sql`SELEC 1`).rejects.toMatchObject({ name: 'NeonDbError', code: '42601' });
  });
});
