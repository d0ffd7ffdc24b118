import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { findPostgresBinaries, hasServerBinaries } from './find-postgres-binaries.ts';
import { logTail } from './log-tail.ts';
import { runToCompletion } from './run-to-completion.ts';
import { serverAccount, type Account } from './server-account.ts';
import { registerExitCleanup, spawnWatchdog, terminate, terminateSync } from '../process/index.ts';
import { freePort } from '../server/index.ts';
import { PostgresStartError, type EphemeralPostgres, type StartBinaryPostgresOptions } from './types.ts';
import { waitUntilAccepting } from './wait-until-accepting.ts';

const HOST = '127.0.0.1';
const BIND_ATTEMPTS = 3;

interface Layout {
  readonly root: string;
  readonly data: string;
  readonly log: string;
  readonly pwfile: string;
}

/**
 * Starts a real PostgreSQL server in a fresh temporary data directory,
 * listening on 127.0.0.1 only (its Unix socket lives in that directory too).
 * Root runs the binaries as an unprivileged account. The server is stopped if
 * this process exits or is signalled first, and by a watchdog if it is killed.
 *
 * @example
 * ```ts
 * const pg = await startBinaryPostgres();
 * // pg.url: postgres://postgres:3f…@127.0.0.1:41234/postgres
 * await pg.stop();
 * ```
 */
export async function startBinaryPostgres(options: StartBinaryPostgresOptions = {}): Promise<EphemeralPostgres> {
  const bindir = options.bindir ?? findPostgresBinaries();
  if (bindir === undefined || !hasServerBinaries(bindir)) {
    throw new PostgresStartError(
      'No PostgreSQL server binaries (initdb, postgres) found via pg_config, /usr/lib/postgresql/*/bin or PATH. ' +
        'Install them (apt-get install postgresql) or use startPglite().',
    );
  }
  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  const stopTimeoutMs = options.stopTimeoutMs ?? 5_000;
  const user = options.user ?? 'postgres';
  const password = options.password ?? randomBytes(12).toString('hex');
  const database = options.database ?? 'postgres';
  const account = serverAccount(options.runAsUser);
  const layout = createLayout(options.tmpDir ?? tmpdir(), account);

  try {
    writeFileSync(layout.pwfile, `${password}\n`, { mode: 0o600 });
    if (account !== undefined) chownSync(layout.pwfile, account.uid, account.gid);
    await runToCompletion(
      join(bindir, 'initdb'),
      [
        `--pgdata=${layout.data}`,
        `--username=${user}`,
        `--pwfile=${layout.pwfile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
        '--no-sync',
      ],
      { cwd: layout.root, env: serverEnv(), uid: account?.uid, gid: account?.gid, timeoutMs: Math.max(1, deadline - Date.now()) },
    );
    rmSync(layout.pwfile);
  } catch (error) {
    rmSync(layout.root, { recursive: true, force: true });
    throw new PostgresStartError(`initdb failed: ${(error as Error).message}`, { cause: error });
  }

  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort(HOST));
    const urlFor = (db: string): string =>
      `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${HOST}:${port}/${encodeURIComponent(db)}`;
    const child = spawnServer(join(bindir, 'postgres'), port, layout, account);
    let spawnError: Error | undefined;
    child.on('error', (error) => (spawnError = error));
    const gaveUp = (): boolean => spawnError !== undefined || child.exitCode !== null || child.signalCode !== null;
    const watchdog = child.pid === undefined ? undefined : spawnWatchdog(child.pid, layout.root, { label: 'postgres-watchdog', signal: 'QUIT' });
    const unregister = registerExitCleanup({
      stop: () => stop(),
      stopSync: () => {
        if (child.pid !== undefined) terminateSync(child.pid, 'SIGQUIT', 1_000);
        rmSync(layout.root, { recursive: true, force: true });
        watchdog?.kill('SIGKILL');
      },
    });
    let stopping: Promise<void> | undefined;
    const stop = (): Promise<void> =>
      (stopping ??= (async () => {
        await terminate(child, 'SIGINT', stopTimeoutMs);
        await rm(layout.root, { recursive: true, force: true });
        watchdog?.kill('SIGKILL');
        unregister();
      })());

    try {
      await waitUntilAccepting(urlFor('postgres'), { deadline, gaveUp });
      if (database !== 'postgres') await createDatabase(urlFor('postgres'), database);
      return { url: urlFor(database), port, kind: 'binary', stop };
    } catch (error) {
      const tail = logTail(layout.log);
      const portTaken = /could not bind|Address already in use/i.test(tail);
      if (portTaken && options.port === undefined && attempt < BIND_ATTEMPTS) {
        await terminate(child, 'SIGINT', stopTimeoutMs);
        watchdog?.kill('SIGKILL');
        unregister();
        continue;
      }
      const reason =
        spawnError?.message ??
        (gaveUp() ? `the server exited (${child.exitCode ?? child.signalCode})` : (error as Error).message);
      await stop();
      throw new PostgresStartError(
        `PostgreSQL did not accept connections on ${HOST}:${port}: ${reason}\n` +
          `--- server log (tail) ---\n${tail}`,
        { cause: error },
      );
    }
  }
}

function createLayout(parent: string, account: Account | undefined): Layout {
  const root = mkdtempSync(join(parent, 'edge-health-pg-'));
  if (account !== undefined) chownSync(root, account.uid, account.gid);
  return { root, data: join(root, 'data'), log: join(root, 'server.log'), pwfile: join(root, 'pwfile') };
}

function spawnServer(binary: string, port: number, layout: Layout, account: Account | undefined): ChildProcess {
  const logFd = openSync(layout.log, 'w');
  const spawnOptions: SpawnOptions = { cwd: layout.root, env: serverEnv(), stdio: ['ignore', logFd, logFd] };
  if (account !== undefined) {
    spawnOptions.uid = account.uid;
    spawnOptions.gid = account.gid;
  }
  try {
    const child = spawn(
      binary,
      [
        '-D', layout.data,
        '-p', String(port),
        '-c', `listen_addresses=${HOST}`,
        '-c', `unix_socket_directories=${layout.root}`,
        '-c', 'fsync=off',
        '-c', 'synchronous_commit=off',
        '-c', 'full_page_writes=off',
        '-c', 'TimeZone=UTC',
      ],
      spawnOptions,
    );
    // Why: the owner must be able to exit while a server runs; exit cleanup stops it then.
    child.unref();
    return child;
  } finally {
    closeSync(logFd);
  }
}

async function createDatabase(url: string, database: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/** The caller's environment without PG* variables, which would redirect initdb and postgres. */
function serverEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('PG')));
  return { ...env, LC_ALL: 'C' };
}
