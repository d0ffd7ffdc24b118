import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres } from './start-postgres.ts';
import type { EphemeralPostgres } from './types.ts';

let postgres: EphemeralPostgres;
const clients: Client[] = [];

beforeAll(async () => {
  postgres = await startPostgres({ prefer: 'pglite' });
}, 60_000);

afterAll(async () => {
  await Promise.allSettled(clients.map((client) => client.end()));
  await postgres?.stop();
});

const connect = async (): Promise<Client> => {
  const client = new Client({ connectionString: postgres.url });
  client.on('error', () => {});
  await client.connect();
  clients.push(client);
  return client;
};

describe('startPostgres({ prefer: "pglite" })', () => {
  it('serves PGlite over the wire protocol on 127.0.0.1', async () => {
    expect(postgres.kind).toBe('pglite');
    expect(postgres.url).toBe(`postgres://postgres:postgres@127.0.0.1:${postgres.port}/postgres`);
    const client = await connect();
    expect((await client.query('SELECT $1::int + 1 AS n', [41])).rows).toEqual([{ n: 42 }]);
  });

  it('keeps concurrent clients out of each other’s statements and transactions', async () => {
    const [writer, ...readers] = await Promise.all(Array.from({ length: 6 }, connect));
    await writer!.query('CREATE TABLE log (k int)');
    const writes = (async () => {
      for (let k = 0; k < 10; k++) {
        await writer!.query('BEGIN');
        await writer!.query('INSERT INTO log VALUES ($1)', [k]);
        await writer!.query('COMMIT');
      }
    })();
    const reads = Promise.all(
      readers.map(async (client, c) => {
        const seen: unknown[] = [];
        for (let k = 0; k < 10; k++) {
          const { rows } = await client.query({ text: `SELECT $1::int AS k, ${c} AS c${c}`, values: [k], rowMode: 'array' });
          seen.push(rows[0]);
        }
        return seen;
      }),
    );
    await writes;
    (await reads).forEach((seen, c) => expect(seen).toEqual(Array.from({ length: 10 }, (_, k) => [k, c])));
    expect((await writer!.query('SELECT count(*)::int AS n FROM log')).rows).toEqual([{ n: 10 }]);
  });

  it('holds other clients back until a transaction ends', async () => {
    const [writer, reader] = [await connect(), await connect()];
    await writer.query('CREATE TABLE marks (n int)');
    await writer.query('BEGIN');
    await writer.query('INSERT INTO marks VALUES (1)');
    let readerDone = false;
    const read = reader.query('SELECT count(*)::int AS n FROM marks').then((result) => {
      readerDone = true;
      return result.rows;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(readerDone).toBe(false);
    await writer.query('COMMIT');
    expect(await read).toEqual([{ n: 1 }]);
  });

  it('rolls back the transaction of a client that disconnects', async () => {
    const [leaver, stayer] = [await connect(), await connect()];
    await leaver.query('BEGIN');
    await leaver.query('INSERT INTO marks VALUES (2)');
    await leaver.end();
    expect((await stayer.query('SELECT count(*)::int AS n FROM marks WHERE n = 2')).rows).toEqual([{ n: 0 }]);
  });

  it('stop() closes the port', async () => {
    await postgres.stop();
    const client = new Client({ connectionString: postgres.url, connectionTimeoutMillis: 2_000 });
    await expect(client.connect()).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await expect(postgres.stop()).resolves.toBeUndefined();
  });
});
