import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from 'pg';
import { expect, it } from 'vitest';
import { spawnScript } from './fixtures/spawn-script.ts';

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));

it('cli.ts prints a working URL and stops cleanly on SIGTERM', { timeout: 60_000 }, async () => {
  const script = spawnScript(cli, ['--database', 'from_cli']);
  const line = await script.line(/ready: postgres:\/\//);
  const client = new Client({ connectionString: line.slice(line.indexOf('postgres://')) });
  await client.connect();
  const { rows } = await client.query<{ db: string; dir: string }>(
    "SELECT current_database() AS db, current_setting('data_directory') AS dir",
  );
  await client.end();
  expect(rows[0]?.db).toBe('from_cli');
  script.child.kill('SIGTERM');
  expect(await script.exited).toEqual({ code: 0, signal: null });
  expect(existsSync(dirname(rows[0]!.dir))).toBe(false);
});
