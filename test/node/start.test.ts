import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { freePort } from '../../local/server/index.ts';

const root = new URL('../..', import.meta.url).pathname;

const accepts = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/** Pids whose command line contains every one of `words` (Linux /proc). */
function pidsOf(...words: string[]): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        const args = readFileSync(`/proc/${name}/cmdline`, 'utf8');
        return words.every((word) => args.includes(word));
      } catch {
        return false;
      }
    })
    .map(Number);
}

interface Started {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<[number | null, NodeJS.Signals | null]>;
}

const signalGroup = (started: Started, signal: NodeJS.Signals): void => {
  try {
    process.kill(-(started.child.pid ?? 0), signal);
  } catch {
    // Already gone: that is what the test waits for.
  }
};

/**
 * In its own process group, as a terminal runs it, once it says it is running:
 * `npm start` itself, or the script straight in Node so the test can kill that process.
 */
async function start(via: 'npm start' | 'node' = 'node'): Promise<Started> {
  const port = await freePort();
  const [command, ...args] = via === 'node' ? [process.execPath, '--import', 'tsx', 'scripts/start.ts'] : ['npm', 'start'];
  const child = spawn(command ?? '', args, {
    cwd: root,
    // This Node first on PATH: npm and the version guard run under it.
    env: { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`, PORT: String(port), WRANGLER_SEND_METRICS: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not come up:\n${output}`)), 90_000);
    const poll = setInterval(() => {
      if (!output.includes('edge-health is running on')) return;
      clearInterval(poll);
      clearTimeout(timer);
      resolve();
    }, 100);
    void exited.then(() => reject(new Error(`npm start exited:\n${output}`)));
  });
  return { child, port, output: () => output, exited };
}

/** Nothing it started still runs or listens, and the folder holding the secrets is gone. */
async function expectNothingLeft(started: Started): Promise<void> {
  const output = started.output();
  const envFile = /Using secrets defined in (\S+)/.exec(output)?.[1];
  expect(envFile).toBeDefined();
  const secrets = dirname(resolve(root, envFile ?? ''));
  expect(secrets).toMatch(/edge-health-start-/);
  await vi.waitFor(() => expect(existsSync(secrets), `${secrets} still exists`).toBe(false), { timeout: 5_000 });
  const ports = [...output.matchAll(/127\.0\.0\.1:(\d+)/g)].map((m) => Number(m[1]));
  expect(ports.length).toBeGreaterThanOrEqual(5);
  for (const port of new Set(ports)) {
    await vi.waitFor(async () => expect(await accepts(port), `port ${port} still open`).toBe(false), { timeout: 5_000 });
  }
  await vi.waitFor(() => expect(pidsOf(secrets)).toEqual([]), { timeout: 5_000 });
}

describe('npm start', () => {
  it('runs Postgres, Redis, both gateways, an API stand-in and the Worker; Ctrl-C to the process group leaves nothing behind', async () => {
    const started = await start('npm start');
    try {
      const response = await fetch(`http://127.0.0.1:${started.port}/health/ready`);
      const body = (await response.json()) as {
        dependencies: { name: string; status: string }[];
        isolate: { location?: string };
      };
      expect(response.status).toBe(200);
      expect(body.dependencies.map((d) => [d.name, d.status])).toEqual([
        ['postgres', 'healthy'],
        ['redis', 'healthy'],
        ['external-api', 'healthy'],
      ]);
      expect(started.output()).toMatch(/postgres +ephemeral PostgreSQL on 127\.0\.0\.1:\d+/);
      expect(started.output()).toContain('(hidden)');
      // Offline, no placeholder location (wrangler's is DFW) and no stack trace; online, Cloudflare's real colo.
      const colo = /location +(\w+) \(Request\.cf from Cloudflare\)/.exec(started.output())?.[1];
      expect(body.isolate.location).toBe(colo);
      expect(started.output()).not.toMatch(/Unable to fetch the `Request\.cf` object|^\s+at /m);
    } finally {
      signalGroup(started, 'SIGINT');
    }
    await started.exited;
    await expectNothingLeft(started);
  }, 150_000);

  it.for([
    ['SIGTERM', (s: Started) => s.child.kill('SIGTERM')],
    [
      'more Ctrl-C while it stops',
      (s: Started) => {
        signalGroup(s, 'SIGINT');
        setTimeout(() => signalGroup(s, 'SIGINT'), 100);
        setTimeout(() => signalGroup(s, 'SIGINT'), 1_500);
      },
    ],
    ['wrangler crashing', (s: Started) => pidsOf('wrangler', 'dev', String(s.port)).forEach((pid) => process.kill(pid, 'SIGKILL'))],
    ['SIGKILL of npm start itself (its watchdog cleans up)', (s: Started) => s.child.kill('SIGKILL')],
  ] as const)('leaves nothing behind after %s', { timeout: 150_000 }, async ([, end]) => {
    const started = await start();
    end(started);
    await started.exited;
    await expectNothingLeft(started);
  });
});

describe('the Node version guard before npm test, start, build and bench', () => {
  // Runs the real script in a real Node that reports the given version.
  const guard = (version: string) => {
    const pretend = `data:text/javascript,Object.defineProperty(process.versions,'node',{value:'${version}'})`;
    return spawnSync(process.execPath, ['--import', pretend, 'scripts/require-node.js'], { cwd: root, encoding: 'utf8' });
  };

  it.for([
    ['stops with one line', '20.19.0'],
    ['stops with one line', '22.11.9'],
    ['lets the command run', '22.12.0'],
    ['lets the command run', '24.1.0'],
  ] as const)('%s on Node %s', ([outcome, version]) => {
    const runs = outcome === 'lets the command run';
    const result = guard(version);
    expect(result.status).toBe(runs ? 0 : 1);
    expect(result.stdout).toBe('');
    if (runs) expect(result.stderr).toBe('');
    else expect(result.stderr).toMatch(new RegExp(`^edge-health needs Node ≥ 22\\.12 \\(this is Node ${version.replaceAll('.', '\\.')} [^\\n]*\\n$`));
  });

  it('runs before every script that needs a current Node', async () => {
    const { scripts } = (await import('../../package.json', { with: { type: 'json' } })).default as { scripts: Record<string, string> };
    for (const name of ['test', 'start', 'build', 'bench']) expect(scripts[name]).toMatch(/^node scripts\/require-node\.js && /);
  });
});
