import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { RedisServerNotFoundError, RedisStartError } from './errors.ts';
import { findRedisServer } from './find-redis-server.ts';
import { createOutputTail } from './output-tail.ts';
import { pingRedis } from './ping-redis.ts';
import { registerExitCleanup, spawnWatchdog, terminate } from '../process/index.ts';
import { freePort } from '../server/index.ts';

export interface StartRedisOptions {
  /** The `redis-server` executable to run. @default findRedisServer() */
  redisServer?: string;
  /** The port to listen on (always on 127.0.0.1). @default a free port the OS picks */
  port?: number;
  /** Extra `redis-server` arguments, e.g. `['--requirepass', 'secret']`. @default [] */
  args?: readonly string[];
  /** How long to wait for the first answer to PING. @default 10_000 */
  startTimeoutMs?: number;
  /** How long `stop()` waits after SIGTERM before it sends SIGKILL. @default 5_000 */
  stopTimeoutMs?: number;
}

/** A throwaway `redis-server`: loopback only, no persistence, its own temp dir. */
export interface EphemeralRedis {
  /** `redis://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** The `redis-server` process id. */
  readonly pid: number;
  /** Its temporary working directory, removed by `stop()`. */
  readonly dir: string;
  /** Suspends the server (SIGSTOP): it keeps accepting connections and never answers. */
  freeze(): void;
  /** Resumes a frozen server (SIGCONT). */
  thaw(): void;
  /** Ends the server (SIGTERM, SIGKILL after `stopTimeoutMs`) and removes `dir`. Safe to call twice. */
  stop(): Promise<void>;
}

const DEFAULT_START_TIMEOUT_MS = 10_000;
const DEFAULT_STOP_TIMEOUT_MS = 5_000;
const PORT_ATTEMPTS = 3;

/**
 * Starts an ephemeral `redis-server` on a free loopback port and resolves once
 * it answers PING. It is killed when this process exits, even if `stop()` is
 * never called, and it never keeps this process alive on its own.
 *
 * @example
 * ```ts
 * const redis = await startRedis();
 * // … use redis.url …
 * await redis.stop();
 * ```
 */
export async function startRedis(options: StartRedisOptions = {}): Promise<EphemeralRedis> {
  const redisServer = options.redisServer ?? findRedisServer();
  if (redisServer === undefined) throw new RedisServerNotFoundError();
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort());
    try {
      return await launch(redisServer, port, options);
    } catch (error) {
      // The free port can be taken between our probe and redis-server's bind.
      const portTaken = error instanceof RedisStartError && error.message.includes('Address already in use');
      if (!portTaken || options.port !== undefined || attempt >= PORT_ATTEMPTS) throw error;
    }
  }
}

async function launch(redisServer: string, port: number, options: StartRedisOptions): Promise<EphemeralRedis> {
  const dir = await mkdtemp(join(tmpdir(), 'edge-health-redis-'));
  const args = [
    ...['--port', String(port), '--bind', '127.0.0.1', '--daemonize', 'no'],
    ...['--save', '', '--appendonly', 'no', '--dir', dir],
    ...(options.args ?? []),
  ];
  // Detached: a Ctrl+C meant for the owner must not reach redis-server before the owner decides.
  const child = spawn(redisServer, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const pid = child.pid;
  if (pid === undefined) {
    const reason = await new Promise<Error>((resolve) => child.once('error', resolve));
    await rm(dir, { recursive: true, force: true });
    throw new RedisStartError(`Could not run ${redisServer}: ${reason.message}`);
  }

  const output = createOutputTail();
  child.stdout?.on('data', output.append);
  child.stderr?.on('data', output.append);
  let exitedWith: string | undefined;
  child.once('exit', (code, signal) => {
    exitedWith = signal ?? `exit code ${code ?? '?'}`;
    watchdog.kill('SIGKILL');
  });
  const watchdog = spawnWatchdog(pid, dir, { label: 'redis-watchdog' });
  const unregister = registerExitCleanup({
    stopSync() {
      watchdog.kill('SIGKILL');
      if (exitedWith === undefined) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  });
  unrefAll(child);

  let stopping: Promise<void> | undefined;
  const stopTimeoutMs = options.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      watchdog.kill('SIGKILL');
      // A frozen server must wake to hear SIGTERM.
      if (exitedWith === undefined) child.kill('SIGCONT');
      await terminate(child, 'SIGTERM', stopTimeoutMs);
      await rm(dir, { recursive: true, force: true });
      unregister();
    })());

  const startTimeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  const deadline = Date.now() + startTimeoutMs;
  while (!(await pingRedis(port, 500))) {
    const failure =
      exitedWith !== undefined
        ? `redis-server exited (${exitedWith}) before answering PING on 127.0.0.1:${port}.`
        : Date.now() > deadline
          ? `redis-server did not answer PING on 127.0.0.1:${port} within ${startTimeoutMs} ms.`
          : undefined;
    if (failure !== undefined) {
      await stop();
      throw new RedisStartError(`${failure}\nLast output of ${redisServer}:\n${output.text() || '(none)'}`);
    }
    await delay(25);
  }

  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    pid,
    dir,
    freeze: () => void child.kill('SIGSTOP'),
    thaw: () => void child.kill('SIGCONT'),
    stop,
  };
}

/** Lets the owner exit without calling `stop()`; the exit hook then kills the server. */
function unrefAll(child: ChildProcess): void {
  child.unref();
  for (const stream of [child.stdout, child.stderr]) (stream as unknown as { unref?: () => void } | null)?.unref?.();
}
