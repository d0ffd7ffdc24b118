import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPostgresBinaries } from './find-postgres-binaries.ts';
import { childPids, parentPid, processUid } from './fixtures/process-tree.ts';
import { isProcessAlive } from '../process/index.ts';
import { startBinaryPostgres } from './start-binary-postgres.ts';
import type { EphemeralPostgres } from './types.ts';

let postgres: EphemeralPostgres;

beforeAll(async () => {
  postgres = await startBinaryPostgres({ database: 'edge_test' });
}, 60_000);

afterAll(() => postgres?.stop());

/** Runs `text`, then `whileConnected` on its first row before the backend goes away. */
const query = async <T extends Record<string, unknown>, R = T>(
  url: string,
  text: string,
  whileConnected: (row: T) => R = (row) => row as unknown as R,
): Promise<R> => {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return whileConnected((await client.query<T>(text)).rows[0]!);
  } finally {
    await client.end();
  }
};

describe('findPostgresBinaries', () => {
  it('finds a folder with initdb and postgres', () => {
    const bindir = findPostgresBinaries();
    expect(bindir).toBeDefined();
    expect(existsSync(join(bindir!, 'initdb'))).toBe(true);
  });
});

describe('startBinaryPostgres failures', () => {
  it('says where binaries were looked for', async () => {
    await expect(startBinaryPostgres({ bindir: '/nowhere' })).rejects.toMatchObject({
      name: 'PostgresStartError',
      message: expect.stringMatching(/No PostgreSQL server binaries .* or use startPglite\(\)/),
    });
  });

  it('quotes the server log when the server cannot start', async () => {
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const { port } = squatter.address() as { port: number };
    try {
      await expect(startBinaryPostgres({ port })).rejects.toMatchObject({
        name: 'PostgresStartError',
        message: expect.stringMatching(/did not accept connections on 127\.0\.0\.1:\d+[\s\S]*server log[\s\S]*could not bind/),
      });
    } finally {
      squatter.close();
    }
  }, 30_000);
});

describe('startBinaryPostgres', () => {
  it('serves the named database on 127.0.0.1 only, its socket in its own temp dir', async () => {
    expect(postgres.kind).toBe('binary');
    expect(postgres.url).toMatch(new RegExp(`^postgres://postgres:[0-9a-f]{24}@127\\.0\\.0\\.1:${postgres.port}/edge_test$`));
    const row = await query<Record<string, string>>(
      postgres.url,
      `SELECT current_database() AS db, current_user AS "user", current_setting('listen_addresses') AS listen,
              current_setting('unix_socket_directories') AS sockets, current_setting('data_directory') AS data`,
    );
    expect(row).toMatchObject({ db: 'edge_test', user: 'postgres', listen: '127.0.0.1' });
    expect(row['sockets']).toBe(dirname(row['data']!));
  });

  it('runs the server as an unprivileged account', async () => {
    const uid = await query(postgres.url, 'SELECT pg_backend_pid() AS pid', ({ pid }: { pid: number }) =>
      processUid(parentPid(pid)!),
    );
    if (process.getuid?.() === 0) expect(uid).not.toBe(0);
    else expect(uid).toBe(process.getuid?.());
  });

  it('checks the password', async () => {
    const url = new URL(postgres.url);
    url.password = 'wrong';
    await expect(query(url.href, 'SELECT 1')).rejects.toMatchObject({ code: '28P01' });
  });

  it('stop() leaves no process and no directory behind', async () => {
    const { processes, data } = await query(
      postgres.url,
      "SELECT pg_backend_pid() AS pid, current_setting('data_directory') AS data",
      ({ pid, data }: { pid: number; data: string }) => {
        const postmaster = parentPid(pid)!;
        return { processes: [postmaster, ...childPids(postmaster)], data };
      },
    );
    expect(processes.length).toBeGreaterThan(3);

    await postgres.stop();

    for (const each of processes) expect(isProcessAlive(each)).toBe(false);
    expect(existsSync(dirname(data))).toBe(false);
    await expect(postgres.stop()).resolves.toBeUndefined();
  });
});
