import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, inject, it } from 'vitest';

const fixtures = inject('fixtures');
const entry = new URL('../../src/entries/node.ts', import.meta.url).pathname;

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
    child.stdout?.on('data', () => {
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return { child, url, output: () => output };
}

let running: ChildProcess | undefined;
afterEach(() => {
  if (running && running.exitCode === null) running.kill('SIGKILL');
});

describe('Node server: drain on a real SIGTERM', () => {
  it('flips readiness to 503 at once, keeps liveness 200, finishes in-flight requests, then exits 0', async () => {
    const server = await startServer({
      HEALTH_DRAIN_DELAY_MS: '1500',
      HEALTH_HTTP_CHECKS: JSON.stringify([{ name: 'slow-api', url: `${fixtures.http}/slow?ms=700`, timeout_ms: 3000 }]),
    });
    running = server.child;
    const before = await fetch(`${server.url}/health/startup`);
    expect(before.status).toBe(200);

    const inFlight = fetch(`${server.url}/health/ready`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const exited = once(server.child, 'exit');
    server.child.kill('SIGTERM');

    const signalledAt = performance.now();
    let ready: Response;
    // Readiness answers 503 within milliseconds of the signal (typically 2-5 ms here; the
    // bound is loose because CI machines are shared), long before the drain delay ends.
    // `exclude`: a probe that runs no check, so its own time is not the slow API's 700 ms.
    for (;;) {
      ready = await fetch(`${server.url}/health/ready?exclude=slow-api`);
      if (ready.status === 503 || performance.now() - signalledAt > 1500) break;
      await ready.body?.cancel();
    }
    const flippedMs = performance.now() - signalledAt;
    expect(ready.status).toBe(503);
    expect(flippedMs).toBeLessThan(500);
    expect(await ready.json()).toMatchObject({ status: 'shutting_down', message: 'received SIGTERM' });

    const live = await fetch(`${server.url}/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toMatchObject({ status: 'healthy', isolate: { state: 'draining' } });

    const finished = await inFlight;
    expect(finished.status).toBe(200);
    expect(await finished.json()).toMatchObject({ status: 'healthy', dependencies: [{ name: 'slow-api', status: 'healthy' }] });

    const [code, signal] = await exited;
    expect(signal).toBeNull();
    expect(code).toBe(0);
    expect(server.output()).toContain('edge-health: stopped');
  }, 20_000);

  it('refuses to start with an invalid PORT, naming it and never quoting the value', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry], { env: { ...process.env, PORT: 'eighty' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(stderr).toContain('PORT must be a port number from 0 to 65535.');
    expect(stderr).not.toContain('eighty');
  }, 20_000);
});
