import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnWatchdog } from '../../../local/process/index.ts';
import type { Env, Instance, RunningProcess } from './target.ts';

export const root = new URL('../../..', import.meta.url).pathname;

/** Binaries the repository pins as devDependencies. */
export const bin = (name: 'deno' | 'bun'): string => `${root}node_modules/.bin/${name}`;

export interface SpawnServerOptions {
  /** Bounded, but generous: a cold Deno compiles the sources first. @default 30000 */
  startTimeoutMs?: number;
  /** What the server prints once it listens; the first group is its origin. */
  listening?: RegExp;
}

/**
 * Only what a runtime needs to run, then the deployment's configuration: variables
 * from the developer's shell (a real DATABASE_URL, HEALTH_*) must not leak into a target.
 */
export function processEnv(env: Env): Record<string, string> {
  const base: Record<string, string> = {};
  for (const name of ['PATH', 'HOME', 'LANG', 'DENO_DIR']) {
    const value = process.env[name];
    if (value !== undefined) base[name] = value;
  }
  return { ...base, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1', HOST: '127.0.0.1', PORT: '0', ...env };
}

/** Starts a server process and resolves once it prints where it listens. */
export async function spawnServer(command: string, args: readonly string[], env: Env, options: SpawnServerOptions = {}): Promise<Instance> {
  const dir = mkdtempSync(join(tmpdir(), 'edge-health-conformance-'));
  const child = spawn(command, args, { cwd: root, env: { ...processEnv(env), TMPDIR: dir }, stdio: ['ignore', 'pipe', 'pipe'] });
  // Why: should this test process die before stop(), the target must not outlive it.
  const watchdog = child.pid === undefined ? undefined : spawnWatchdog(child.pid, dir, { label: 'conformance-watchdog' });
  const cleanup = (): void => {
    watchdog?.kill();
    rmSync(dir, { recursive: true, force: true });
  };
  let output = '';
  const exited = once(child, 'exit').then(([code, signal]) => {
    cleanup();
    return { code: code as number | null, signal: signal as NodeJS.Signals | null };
  });
  const listening = options.listening ?? /edge-health: listening on (http:\/\/\S+)/;
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command} did not listen within ${options.startTimeoutMs ?? 30_000} ms:\n${output}`)), options.startTimeoutMs ?? 30_000);
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = listening.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('error', reject);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited (${code ?? signal}) before listening:\n${output}`));
    });
  }).catch((error: unknown) => {
    child.kill('SIGKILL');
    cleanup();
    throw error;
  });

  const running: RunningProcess = {
    pid: child.pid ?? 0,
    kill: (signal) => void child.kill(signal),
    exited,
    output: () => output,
  };
  return {
    fetch: (request) => fetchAt(origin, request),
    origin,
    process: running,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Sends `request` to the same path and query at `origin`, over real HTTP. */
export async function fetchAt(origin: string, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  return fetch(new URL(`${url.pathname}${url.search}`, origin), {
    method: request.method,
    headers: request.headers,
    redirect: 'manual',
    ...(hasBody ? { body: await request.arrayBuffer() } : {}),
  });
}
