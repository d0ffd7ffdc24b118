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

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

const [target = 'edge-health', kind = 'live', amount = '30000'] = process.argv.slice(2);
const dir = `${BENCH_DIST}profiles/`;

/** Self and inclusive sample shares per function, the top `count` of each. */
export function summarize(profile: { nodes: ProfileNode[]; samples: number[] }, count = 25): string[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const name = (node: ProfileNode): string =>
    `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').slice(-2).join('/')}:${node.callFrame.lineNumber + 1}`;
  const own = new Map<string, number>();
  const below = new Map<string, number>();
  for (const sample of profile.samples) {
    const node = byId.get(sample);
    if (!node) continue;
    own.set(name(node), (own.get(name(node)) ?? 0) + 1);
    const seen = new Set<string>();
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
      const key = name(byId.get(id) as ProfileNode);
      if (!seen.has(key)) below.set(key, (below.get(key) ?? 0) + 1);
      seen.add(key);
    }
  }
  const top = (map: Map<string, number>): string[] =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([key, samples]) => `${((100 * samples) / profile.samples.length).toFixed(1).padStart(5)} %  ${key}`);
  return ['own samples:', ...top(own), '', 'samples below (inclusive):', ...top(below)];
}

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
