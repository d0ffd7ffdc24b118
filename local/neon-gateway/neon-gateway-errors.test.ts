import { neon, NeonDbError, type NeonQueryFunction } from '@neondatabase/serverless';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGatewayStack, type GatewayStack } from './fixtures/start-gateway-stack.ts';

let stack: GatewayStack;
let sql: NeonQueryFunction<false, false>;

beforeAll(async () => {
  stack = await startGatewayStack('binary');
  sql = neon(stack.postgres.url);
  await sql`CREATE TABLE users (id int PRIMARY KEY, email text UNIQUE NOT NULL)`;
  await sql`INSERT INTO users VALUES (1, 'a@example.com')`;
}, 60_000);

afterAll(async () => {
  // Every answer the driver got, errors included, over the whole file.
  expect(stack.responses.length).toBeGreaterThan(10);
  for (const body of [...stack.responses, ...stack.logLines]) expect(body).not.toContain(stack.password);
  await stack.stop();
});

const rejection = async (promise: Promise<unknown>): Promise<NeonDbError> => {
  try {
    await promise;
  } catch (error) {
    return error as NeonDbError;
  }
  throw new Error('expected a rejection');
};

describe('Postgres errors arrive as NeonDbError with their fields', () => {
  it('syntax error', async () => {
    const error = await rejection(sql`SELEC 1`);
    expect(error).toBeInstanceOf(NeonDbError);
    expect(error).toMatchObject({
      name: 'NeonDbError',
      message: 'syntax error at or near "SELEC"',
      code: '42601',
      severity: 'ERROR',
      position: '1',
      routine: expect.any(String),
    });
    expect(error.sourceError).toBeUndefined();
  });

  it('unique violation, with constraint, table and detail', async () => {
    const error = await rejection(sql`INSERT INTO users VALUES (2, ${'a@example.com'})`);
    expect(error).toMatchObject({
      code: '23505',
      constraint: 'users_email_key',
      table: 'users',
      schema: 'public',
      detail: 'Key (email)=(a@example.com) already exists.',
    });
  });

  it('rejects several statements in one query, as Neon does', async () => {
    expect(await rejection(sql.query('SELECT 1; SELECT 2'))).toMatchObject({ code: '42601' });
  });

  it('scrubs the password from an error that quotes it', async () => {
    const error = await rejection(sql`SELECT ${stack.password}::int`);
    expect(error.code).toBe('22P02');
    expect(error.message).toBe('invalid input syntax for type integer: "[redacted]"');
  });

  it('a wrong password is a 400 with code 28P01', async () => {
    const url = new URL(stack.postgres.url);
    url.password = 'not-the-password';
    const error = await rejection(neon(url.href)`SELECT 1`);
    expect(error).toMatchObject({ code: '28P01', message: 'password authentication failed for user "postgres"' });
    expect(JSON.stringify(stack.responses.at(-1))).not.toContain('not-the-password');
  });

  it('a database nobody listens on is a 500 that names no secret', async () => {
    const error = await rejection(neon('postgres://someone:hunter2hunter2@127.0.0.1:1/db')`SELECT 1`);
    expect(error.message).toMatch(/^Server error \(HTTP status 500\): .*Couldn't connect to the database: connect ECONNREFUSED/);
    expect(error.message).not.toContain('hunter2');
  });

  it('a refused request header becomes a NeonDbError carrying the gateway message', async () => {
    const bogus = { isolationLevel: 'Chaos' as 'Serializable' };
    const error = await rejection(sql.transaction([sql`SELECT 1`], bogus));
    expect(error.message).toMatch(/^invalid isolation level/);
  });
});

describe('cancellation through fetchOptions.signal', () => {
  it('an already-aborted signal rejects before anything runs', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(sql.query('SELECT 1', [], { fetchOptions: { signal: controller.signal } }));
    expect(error).toBeInstanceOf(NeonDbError);
    expect(error.message).toMatch(/^Error connecting to database: AbortError/);
    expect((error.sourceError as Error).name).toBe('AbortError');
  });

  it('aborting mid-query cancels the statement on the server', async () => {
    const started = Date.now();
    const error = await rejection(
      sql.query('SELECT pg_sleep(30)', [], { fetchOptions: { signal: AbortSignal.timeout(300) } }),
    );
    expect(Date.now() - started).toBeLessThan(3_000);
    expect((error.sourceError as Error).name).toBe('TimeoutError');
    await expect
      .poll(async () => sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(30)' AND state = 'active'`)
      .toEqual([{ n: 0 }]);
    await expect.poll(() => stack.logLines.some((line) => line.includes('client closed 57014'))).toBe(true);
  });

  it('aborting a transaction mid-way rolls it back', async () => {
    const error = await rejection(
      sql.transaction([sql`INSERT INTO users VALUES (50, 'sleepy@example.com')`, sql`SELECT pg_sleep(30)`], {
        fetchOptions: { signal: AbortSignal.timeout(300) },
      }),
    );
    expect((error.sourceError as Error).name).toBe('TimeoutError');
    await expect.poll(async () => sql`SELECT count(*)::int AS n FROM users WHERE id = 50`).toEqual([{ n: 0 }]);
  });
});
