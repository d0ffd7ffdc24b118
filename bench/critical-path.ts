/**
 * `npx tsx bench/critical-path.ts [target,target…] [probes]`: where a readiness
 * probe's time goes inside the server, free of the probe's and the dependency's
 * round trips: from the request's start to the slowest dependency's fetch being
 * created, and from that fetch's response headers to the answer's last byte.
 * Targets are probed in turn, one probe at a time, each with the three
 * dependencies of the added-latency section.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { get } from 'node:http';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { startExternalApi } from '../local/external-api/index.ts';
import { BENCH_DIST, buildNodeServer } from './build.ts';
import { DELAYS_MS } from './deadlines-section.ts';
import { pinned, SERVER_CORE, stop } from './measure.ts';

const root = new URL('..', import.meta.url).pathname;
const targets = (process.argv[2] ?? 'edge-health,naive handler').split(',');
const probes = Number(process.argv[3] ?? 40);

const firstLine = (child: ChildProcess): Promise<string> =>
  new Promise((resolve) => createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', resolve));

const probe = (url: string): Promise<void> => new Promise((resolve) => get(url, (response) => response.resume().once('end', resolve)));

async function main(): Promise<void> {
  const tracer = `${BENCH_DIST}critical-path-tracer.js`;
  await build({ entryPoints: [`${root}bench/critical-path-tracer.ts`], bundle: true, platform: 'node', format: 'esm', outfile: tracer, logLevel: 'error' });
  const script = await buildNodeServer();
  const api = await startExternalApi();
  const deps = DELAYS_MS.map((ms, i) => ({ name: `dep${i}`, url: `${api.url}/slow/${ms}`, timeoutMs: 1000 }));
  const env = { ...process.env, BENCH_DEPS: JSON.stringify(deps), SLOW_PATH: `/slow/${Math.max(...DELAYS_MS)}` };
  const servers = targets.map((target) => {
    const [command, args] = pinned(SERVER_CORE, process.execPath, ['--import', tracer, script, target]);
    return spawn(command, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
  });
  try {
    const urls = await Promise.all(servers.map(async (child) => {
      const started = JSON.parse(await firstLine(child)) as { url: string; ready: string };
      return `${started.url}${started.ready}`;
    }));
    for (let i = 0; i < probes; i += 1) for (const url of urls) await probe(url);
    for (const [i, child] of servers.entries()) {
      const report = firstLine(child);
      child.kill('SIGINT');
      console.log(targets[i]?.padEnd(40), await report);
    }
  } finally {
    await Promise.all(servers.map(stop));
    await api.close();
  }
}

await main();
