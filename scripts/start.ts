/**
 * `npm start`: the whole thing on this machine. Starts local stand-ins for the
 * dependencies, then the Worker in `wrangler dev` on http://127.0.0.1:8787,
 * wired to them. Ctrl-C (once or twice), SIGTERM, or any part dying stops
 * everything it started and removes its temporary folder, which holds secrets;
 * if this process is killed outright, a watchdog does it.
 *
 * Why `node --import tsx` in package.json and not the tsx CLI: the CLI relays
 * Ctrl-C to its child and SIGKILLs it unless the child acknowledges within
 * 30 ms (tsx's `relaySignals`), which on a busy machine skipped every cleanup
 * and left this folder, with the secrets, behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerExitCleanup, spawnWatchdog } from '../local/process/index.ts';
import { startStack } from '../local/stack/index.ts';

const HOST = '127.0.0.1';
const PORT = Number(process.env.PORT ?? 8787);
const root = new URL('..', import.meta.url).pathname;
/** Where wrangler itself would fetch the `Request.cf` object from. */
const CF_URL = 'https://workers.cloudflare.com/cf.json';

type Stop = () => Promise<void>;
const stops: Stop[] = [];
let stopping = false;
let stoppingSince = 0;
let wrangler: ChildProcess | undefined;

function stopAll(code: number): void {
  if (stopping) {
    // Why the second: under `npm start`, tsx relays the terminal's one Ctrl-C, so it arrives twice at once.
    if (Date.now() - stoppingSince < 1000) return;
    // Why not exit now: that would leave the secrets folder behind. Hurry wrangler instead.
    console.error('edge-health: still stopping; removing temporary files first');
    if (wrangler?.pid !== undefined && wrangler.exitCode === null) killGroup(wrangler.pid, 'SIGKILL');
    return;
  }
  stopping = true;
  stoppingSince = Date.now();
  void (async () => {
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => console.error(`edge-health: cleanup failed: ${String(error)}`));
    process.exit(code);
  })();
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * The folder for wrangler's env file and the `Request.cf` file, removed on
 * every exit this process sees (crashes included).
 *
 * Why an env file and not `--var`: values from an env file are secrets to
 * wrangler (printed as hidden), and stay out of the process list.
 */
function createSecretsFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'edge-health-start-'));
  const remove = (): void => rmSync(dir, { recursive: true, force: true });
  const unregister = registerExitCleanup({ stopSync: remove });
  stops.push(async () => {
    remove();
    unregister();
  });
  return dir;
}

function writeEnvFile(dir: string, vars: Record<string, string>): string {
  const file = join(dir, '.env');
  const lines = Object.entries(vars).map(([key, value]) => {
    // Single quotes: dotenv takes the value literally (JSON inside keeps its double quotes).
    if (/['\n]/.test(value)) throw new Error(`${key} cannot hold a quote or a newline for wrangler's env file`);
    return `${key}='${value}'`;
  });
  writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
  return file;
}

/**
 * The `Request.cf` object the Worker sees. Offline, wrangler (Miniflare's
 * `setupCf`) prints a stack trace and hands the Worker a placeholder located
 * in Dallas (`colo: "DFW"`), which health answers would show as if real. So we
 * fetch it ourselves as wrangler would, and offline give wrangler an empty
 * object through `CLOUDFLARE_CF_FETCH_PATH`: no stack trace, and no location
 * rather than an invented one.
 */
async function writeCfFile(dir: string): Promise<{ file: string; line: string }> {
  const file = join(dir, 'cf.json');
  let cf: { colo?: unknown } = {};
  try {
    const response = await fetch(CF_URL, { signal: AbortSignal.timeout(3000) });
    if (response.ok) cf = (await response.json()) as { colo?: unknown };
  } catch {
    // Offline: no location is the truth.
  }
  writeFileSync(file, JSON.stringify(cf));
  const line =
    typeof cf.colo === 'string'
      ? `location      ${cf.colo} (Request.cf from Cloudflare)`
      : 'location      none: Cloudflare could not be reached, so the Worker reports no colo';
  return { file, line };
}

function startWrangler(dir: string, vars: Record<string, string>, cfFile: string): void {
  const args = ['wrangler', 'dev', '--ip', HOST, '--port', String(PORT), '--show-interactive-dev-session=false', '--env-file', writeEnvFile(dir, vars)];
  // Detached: its own process group, so a Ctrl-C reaches it only through us, in order.
  const child = spawn('npx', args, {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_PATH: cfFile },
  });
  wrangler = child;
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not run npx wrangler');
  // Why a negative pid: the watchdog's `kill` then reaches wrangler's whole group (workerd included).
  const watchdog = spawnWatchdog(-pid, dir, { label: 'edge-health-start-watchdog', signal: 'TERM' });
  stops.push(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      killGroup(pid, 'SIGTERM');
      const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    }
    // Whatever is left of its group, e.g. workerd when wrangler itself died.
    killGroup(pid, 'SIGKILL');
    watchdog.kill('SIGKILL');
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`edge-health: wrangler dev exited (${code ?? signal}); stopping everything`);
      stopAll(1);
    }
  });
}

async function waitForWorker(url: string, deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await response.body?.cancel();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`the Worker did not answer on ${url} within ${deadlineMs / 1000} s`);
}

async function main(): Promise<void> {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stopAll(0));

  const stack = await startStack({ preferPglite: process.env.EDGE_HEALTH_PGLITE === '1', withoutRedis: process.env.EDGE_HEALTH_NO_REDIS === '1' });
  stops.push(stack.stop);
  const dir = createSecretsFolder();
  const cf = await writeCfFile(dir);
  console.log(['edge-health: started', ...[...stack.started, cf.line].map((line) => `  ${line}`)].join('\n'));

  if (stopping) return;
  startWrangler(dir, { HEALTH_VERSION: 'local', ...stack.vars }, cf.file);
  const base = `http://${HOST}:${PORT}`;
  await waitForWorker(`${base}/health/live`, 60_000);

  console.log(
    [
      '',
      `edge-health is running on ${base}`,
      `  curl -i ${base}/health/ready      # runs every check`,
      `  curl -i ${base}/health/live       # never touches a dependency`,
      `  curl -i ${base}/health/startup`,
      `  curl ${base}/health/ready?verbose`,
      `  open ${base}/health/status in a browser: the status page (also /health/badge.svg, /health/metrics)`,
      ...stack.hints.map((hint) => `Hint: ${hint}`),
      'Press Ctrl-C to stop everything.',
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(`edge-health: ${error instanceof Error ? error.message : String(error)}`);
  stopAll(1);
});
