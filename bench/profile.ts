/**
 * `npm run bench:profile -- [target] [live|ready] [requests]`: a CPU profile of
 * one bundled Node benchmark server under autocannon load, written to
 * dist/bench/profiles/ (open it in Chrome DevTools) and summarized here: the
 * functions with the most samples of their own, and with the most samples
 * below them. The profile the notes in BENCHMARKS.md refer to.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { buildNodeServer, BENCH_DIST } from './build.ts';
import { autocannon, pinned, SERVER_CORE } from './measure.ts';
import { summarize } from './profile-summary.ts';

const [target = 'edge-health', kind = 'live', amount = '30000'] = process.argv.slice(2);
const dir = `${BENCH_DIST}profiles/`;

async function main(): Promise<void> {
  const script = await buildNodeServer();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const [command, args] = pinned(SERVER_CORE, process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, script, target]);
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const started = JSON.parse(await new Promise<string>((resolve) => createInterface({ input: child.stdout }).once('line', resolve))) as Record<string, string>;
  const load = await autocannon(`${started.url}${started[kind]}`, { connections: 32, amount: Number(amount) });
  child.kill('SIGINT');
  await new Promise((resolve) => child.once('exit', resolve));
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error('The server wrote no profile.');
  console.log(`${target} ${kind}: ${load.requests} requests, ${load.perSecond.toFixed(0)} req/s; profile ${dir}${file}\n`);
  console.log(summarize(JSON.parse(readFileSync(`${dir}${file}`, 'utf8'))).join('\n'));
}

await main();
