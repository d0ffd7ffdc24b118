/**
 * The benchmark's instruments: processes pinned to a core, the CPU time a
 * process spent (from /proc, robust when other work shares the machine), and
 * autocannon runs in their own process on the other core.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';

/** The core servers run on, and the core load generators run on (when the machine has two). */
export const SERVER_CORE = '0';
export const LOAD_CORE = '1';

const hasTaskset = ((): boolean => {
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

export const pinning = hasTaskset ? `taskset: servers on core ${SERVER_CORE}, load generators on core ${LOAD_CORE}` : 'not pinned (no taskset)';

/** `command args` under `taskset -c core` where taskset exists. */
export function pinned(core: string, command: string, args: string[]): [string, string[]] {
  return hasTaskset ? ['taskset', ['-c', core, command, ...args]] : [command, args];
}

/** Pins a running process and all its threads (workerd's, which Miniflare starts). */
export function pinPid(pid: number, core: string): void {
  if (hasTaskset) execFileSync('taskset', ['-a', '-c', '-p', core, String(pid)], { stdio: 'ignore' });
}

const TICKS_PER_SECOND = 100;

/** User plus system CPU time of a process so far, in microseconds (clock ticks of 10 ms). */
export function cpuMicros(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / TICKS_PER_SECOND;
}

export const canMeasureCpu = existsSync(`/proc/${process.pid}/stat`);

export interface NodeServer {
  pid: number;
  url: string;
  live: string;
  ready: string;
  stop(): Promise<void>;
}

/** Starts `node <script> <target>` pinned to the server core; resolves with the URLs it prints. */
export async function startNodeServer(script: string, target: string, env: Record<string, string> = {}): Promise<NodeServer> {
  const [command, args] = pinned(SERVER_CORE, process.execPath, [script, target]);
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`server "${target}" exited with ${code}`)));
  });
  const started = JSON.parse(line) as { url: string; live: string; ready: string };
  return { pid: child.pid ?? 0, ...started, stop: () => stop(child) };
}

export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

export interface Load {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

const autocannonBin = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

/** One autocannon process on the load core: `-c connections` for `seconds`, or `amount` requests. */
export async function autocannon(url: string, options: { connections: number; seconds?: number; amount?: number; overallRate?: number }): Promise<Load> {
  const flags = ['-j', '-c', String(options.connections)];
  if (options.amount) flags.push('-a', String(options.amount));
  else flags.push('-d', String(options.seconds ?? 3));
  if (options.overallRate) flags.push('--overallRate', String(options.overallRate));
  const [command, args] = pinned(LOAD_CORE, process.execPath, [autocannonBin, ...flags, url]);
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await new Promise((resolve) => child.once('exit', resolve));
  const result = JSON.parse(out) as {
    requests: { average: number; total: number };
    latency: { p50: number; p99: number };
    errors: number;
    timeouts: number;
    non2xx: number;
    duration: number;
  };
  return {
    requests: result.requests.total,
    perSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** The middle value, with the smallest and the largest. */
export function spread(values: number[]): { median: number; min: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
  return { median, min: sorted[0] ?? NaN, max: sorted.at(-1) ?? NaN };
}
