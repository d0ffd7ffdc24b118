/**
 * `npm start`: the whole thing on this machine. Starts local stand-ins for the
 * dependencies, then the Worker in `wrangler dev` on http://127.0.0.1:8787,
 * wired to them. Ctrl-C stops everything it started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStack } from '../local/stack/index.ts';

const HOST = '127.0.0.1';
const PORT = Number(process.env.PORT ?? 8787);
const root = new URL('..', import.meta.url).pathname;

type Stop = () => Promise<void>;
const stops: Stop[] = [];
let stopping = false;

async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => console.error(`edge-health: cleanup failed: ${String(error)}`));
  }
  process.exit(code);
}

/**
 * Why an env file and not `--var`: values from an env file are secrets to
 * wrangler (printed as hidden), and stay out of the process list.
 */
function writeEnvFile(vars: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'edge-health-start-'));
  stops.push(async () => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, '.env');
  const lines = Object.entries(vars).map(([key, value]) => {
    // Single quotes: dotenv takes the value literally (JSON inside keeps its double quotes).
    if (/['\n]/.test(value)) throw new Error(`${key} cannot hold a quote or a newline for wrangler's env file`);
    return `${key}='${value}'`;
  });
  writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
  return file;
}

function startWrangler(vars: Record<string, string>): ChildProcess {
  const args = ['wrangler', 'dev', '--ip', HOST, '--port', String(PORT), '--show-interactive-dev-session=false', '--env-file', writeEnvFile(vars)];
  const child = spawn('npx', args, {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  });
  stops.push(async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid, 'SIGTERM');
    const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  });
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`edge-health: wrangler dev exited (${code ?? 'signal'})`);
      void stopAll(1);
    }
  });
  return child;
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
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  const stack = await startStack({ preferPglite: process.env.EDGE_HEALTH_PGLITE === '1', withoutRedis: process.env.EDGE_HEALTH_NO_REDIS === '1' });
  stops.push(stack.stop);
  console.log(['edge-health: started', ...stack.started.map((line) => `  ${line}`)].join('\n'));

  startWrangler({ HEALTH_VERSION: 'local', ...stack.vars });
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
      ...stack.hints.map((hint) => `Hint: ${hint}`),
      'Press Ctrl-C to stop everything.',
      '',
    ].join('\n'),
  );
}

main().catch(async (error: unknown) => {
  console.error(`edge-health: ${error instanceof Error ? error.message : String(error)}`);
  await stopAll(1);
});
