/**
 * `npx tsx local/postgres/cli.ts [--prefer binary|pglite] [--port N] [--database NAME] [--password PW]`
 * Starts an ephemeral PostgreSQL, prints its URL, and stops it on SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { startPostgres } from './start-postgres.ts';
import type { StartPostgresOptions } from './types.ts';

const { values } = parseArgs({
  options: {
    prefer: { type: 'string', default: 'binary' },
    port: { type: 'string' },
    database: { type: 'string' },
    password: { type: 'string' },
  },
});

if (values.prefer !== 'binary' && values.prefer !== 'pglite') {
  console.error(`--prefer must be "binary" or "pglite", not "${values.prefer}"`);
  process.exit(2);
}

const options: StartPostgresOptions = { prefer: values.prefer };
if (values.port !== undefined) options.port = Number(values.port);
if (values.database !== undefined) options.database = values.database;
if (values.password !== undefined) options.password = values.password;

const postgres = await startPostgres(options);
// Why: the server child is unref'd so library users can exit; the CLI stays until told to stop.
const keepAlive = setInterval(() => {}, 1 << 30);
console.log(`PostgreSQL (${postgres.kind}) ready: ${postgres.url}`);
console.log('Press Ctrl+C to stop.');

const shutdown = async (): Promise<void> => {
  clearInterval(keepAlive);
  await postgres.stop();
  console.log('Stopped.');
  process.exit(0);
};
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
