import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const accepts = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

describe('npm start', () => {
  it('runs Postgres, Redis, both gateways, an API stand-in and the Worker; Ctrl-C leaves nothing behind', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      cwd: root,
      env: { ...process.env, PORT: String(port), WRANGLER_SEND_METRICS: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`npm start did not come up:\n${output}`)), 90_000);
        const poll = setInterval(() => {
          if (output.includes('edge-health is running on')) {
            clearInterval(poll);
            clearTimeout(timer);
            resolve();
          }
        }, 100);
        child.once('exit', () => reject(new Error(`npm start exited:\n${output}`)));
      });

      const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
      const body = (await response.json()) as { status: string; dependencies: { name: string; status: string }[] };
      expect(response.status).toBe(200);
      expect(body.dependencies.map((d) => [d.name, d.status])).toEqual([
        ['postgres', 'healthy'],
        ['redis', 'healthy'],
        ['external-api', 'healthy'],
      ]);
      expect(output).toMatch(/postgres +ephemeral PostgreSQL on 127\.0\.0\.1:\d+/);
      expect(output).toContain('(hidden)');
    } finally {
      const exited = once(child, 'exit');
      child.kill('SIGINT');
      const [code] = await exited;
      expect(code).toBe(0);
    }

    // Every port it printed is closed, and the secrets file is gone.
    const ports = [...output.matchAll(/127\.0\.0\.1:(\d+)/g)].map((m) => Number(m[1]));
    expect(ports.length).toBeGreaterThanOrEqual(5);
    for (const p of new Set(ports)) expect(await accepts(p), `port ${p} still open`).toBe(false);
    const envFile = /Using secrets defined in (\S+)/.exec(output)?.[1];
    expect(envFile).toBeDefined();
    expect(existsSync(new URL(envFile ?? '', `file://${root}`).pathname)).toBe(false);
  }, 150_000);
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
