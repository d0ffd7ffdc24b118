import { execFile, spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heldInit, startHealthServer, type HealthServer } from '../support/health-server.ts';

const root = new URL('../..', import.meta.url).pathname;
// The command as the package ships it: dist/lib comes from test/build-lib-setup.ts.
const bin = join(root, 'dist/lib/cli/bin.js');
const TOKEN = 'probe-details-token-0123456789';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built command to its end. */
function probe(args: string[], env: Record<string, string> = {}, onStderr?: (text: string) => void): Promise<Run> {
  const child = spawn(process.execPath, [bin, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    onStderr?.(stderr);
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

let server: HealthServer;

beforeAll(async () => {
  server = await startHealthServer({ env: { HEALTH_DETAILS_TOKEN: TOKEN } });
});
afterAll(() => server.close());

describe('edge-health probe against a real server', () => {
  it('exits 0 and prints a table when every dependency is healthy', async () => {
    server.set('api', 'up');
    server.set('cache', 'up');
    const run = await probe(['probe', `${server.url}/health/ready`]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('status   ✓ healthy (HTTP 200');
    expect(run.stdout).toMatch(/^api +✓ healthy +critical +\d+ ms$/m);
    expect(run.stdout).toMatch(/^cache +✓ healthy +non-critical +\d+ ms$/m);
  });

  it('exits 1 when a non-critical dependency is down (degraded)', async () => {
    server.set('api', 'up');
    server.set('cache', 'down');
    const run = await probe(['probe', `${server.url}/health/ready`]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^cache +✗ unhealthy +non-critical +\d+ ms +http_status$/m);
  });

  it('exits 2 when a critical dependency is down, and prints the endpoint\'s JSON with --json', async () => {
    server.set('api', 'down');
    const run = await probe(['probe', `${server.url}/health/ready`, '--json']);
    expect(run.code).toBe(2);
    const body = JSON.parse(run.stdout) as { status: string; dependencies: { name: string; status: string }[] };
    expect(body.status).toBe('unhealthy');
    expect(body.dependencies.map((d) => [d.name, d.status])).toEqual([['api', 'unhealthy'], ['cache', 'unhealthy']]);
  });

  it('exits 2 and says so when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const run = await probe(['probe', `http://127.0.0.1:${port}/health/ready`, '--timeout', '3s']);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('✗ unreachable');
    expect(run.stdout).toContain('connection refused');
  });

  it('sends the token from EDGE_HEALTH_TOKEN or --token as a Bearer header (details appear), and never prints it', async () => {
    server.set('api', 'down');
    const run = await probe(['probe', `${server.url}/health/ready`, '--json'], { EDGE_HEALTH_TOKEN: TOKEN });
    expect(run.stdout).toContain('"message":"HTTP 503');
    const anonymous = await probe(['probe', `${server.url}/health/ready`, '--json']);
    expect(anonymous.stdout).toContain('"reason":"http_status"');
    expect(anonymous.stdout).not.toContain('"message":"HTTP');
    const flagged = await probe(['probe', `${server.url}/health/ready`, '--token', TOKEN]);
    expect(flagged.stdout).toMatch(/^api +✗ unhealthy +critical +\d+ ms +http_status: HTTP 503/m);
    expect(`${run.stdout}${run.stderr}${flagged.stdout}${flagged.stderr}`).not.toContain(TOKEN);
  });

  it('writes no colour into a pipe, and colour on a real terminal unless NO_COLOR is set', async () => {
    server.set('api', 'up');
    server.set('cache', 'up');
    const piped = await probe(['probe', `${server.url}/health/ready`]);
    expect(piped.stdout).not.toContain('\u001b[');
    // `script` runs the command on a real pseudo-terminal.
    const command = `${process.execPath} ${bin} probe ${server.url}/health/ready`;
    const run = (env: Record<string, string>) => promisify(execFile)('script', ['-qec', command, '/dev/null'], { env: { PATH: process.env.PATH ?? '', TERM: 'xterm', ...env } });
    expect((await run({})).stdout).toContain('\u001b[32m✓ healthy\u001b[39m');
    expect((await run({ NO_COLOR: '1' })).stdout).not.toContain('\u001b[');
  });

  it('is a usage error (exit 64) with a readable message for bad arguments', async () => {
    const run = await probe(['probe', `${server.url}/health/ready`, '--timeout', 'soon']);
    expect(run.code).toBe(64);
    expect(run.stderr).toContain('--timeout takes a positive duration such as 500ms, 10s or 2m (got "soon")');
    expect(run.stderr).toContain('Usage: edge-health probe <url>');
    expect(run.stdout).toBe('');
  });
});

describe('edge-health probe --wait-until-ready', () => {
  it('shows progress while the service starts, then exits 0 once it is ready', async () => {
    const init = heldInit();
    const starting = await startHealthServer({ init: [init.task] });
    try {
      const run = await probe(['probe', `${starting.url}/health/ready`, '--wait-until-ready', '--interval', '100ms', '--timeout', '60s'], {}, (stderr) => {
        if (stderr.includes('not_started')) init.release();
      });
      expect(run.stderr).toMatch(/^waiting until ready: not_started \(HTTP 503\) · .* of 60 s$/m);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('✓ healthy');
    } finally {
      init.release();
      await starting.close();
    }
  });

  it('gives up at --timeout with exit 2, naming the last status', async () => {
    const init = heldInit();
    const starting = await startHealthServer({ init: [init.task] });
    try {
      const run = await probe(['probe', `${starting.url}/health/ready`, '--wait-until-ready', '--interval', '200ms', '--timeout', '1s']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('not ready within 1 s (last: not_started)');
    } finally {
      init.release();
      await starting.close();
    }
  });
});

describe('edge-health as npm installs it', () => {
  let project: string;
  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), 'edge-health-bin-'));
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('runs with npx from a project that installed the packed package', async () => {
    const run = promisify(execFile);
    const { stdout } = await run('npm', ['pack', '--silent', '--pack-destination', project], { cwd: root });
    writeFileSync(join(project, 'package.json'), '{"name":"consumer","private":true,"type":"module"}');
    await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(project, stdout.trim())], { cwd: project });
    server.set('api', 'up');
    server.set('cache', 'down');
    const result = await run('npx', ['--no-install', 'edge-health', 'probe', `${server.url}/health/ready`], { cwd: project }).catch((error: { code: number; stdout: string }) => error);
    expect('code' in result ? result.code : 0).toBe(1);
    expect(result.stdout).toContain('! degraded');
  }, 120_000);
});
