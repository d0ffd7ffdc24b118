/**
 * `npm run bench`: edge-health side by side with the bare handler of each
 * runtime and with the libraries users would pick instead. Loopback only,
 * a few minutes; writes BENCHMARKS.md and bench/ratios.svg and prints the
 * throughput table. `BENCH_ROUNDS` and `BENCH_SECONDS` shorten or lengthen it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { benchSection } from '../scripts/readme-bench.ts';
import { ratioChart } from './chart.ts';
import { addedLatency, timeoutPrecision } from './deadlines-section.ts';
import { dependencyLoad } from './load-section.ts';
import { pinning } from './measure.ts';
import { fmt, renderReport, type Results, type Target } from './report.ts';
import { OWN_CODE_USED, sizeSection } from './size-section.ts';
import { speedSection, speedTable } from './speed-section.ts';
import type { Row } from './throughput.ts';

const root = new URL('..', import.meta.url).pathname;
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const log = (line: string): void => console.log(line);
const version = (pkg: string): string => (JSON.parse(readFileSync(`${root}node_modules/${pkg}/package.json`, 'utf8')) as { version: string }).version;

function machine(): Record<string, string> {
  const cpuModel = cpus()[0]?.model ?? 'unknown';
  let cores = String(cpus().length);
  try {
    cores = execFileSync('nproc', { encoding: 'utf8' }).trim();
  } catch {
    // nproc is coreutils; os.cpus() is the fallback.
  }
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, ' UTC'),
    cores: `${cores} (nproc)`,
    'CPU model': cpuModel,
    'load average at start (1, 5, 15 min)': loadavg().map((v) => v.toFixed(2)).join(', '),
    Node: process.version,
    workerd: version('workerd'),
    miniflare: version('miniflare'),
    autocannon: version('autocannon'),
    pinning,
  };
}

const find = (rows: Row[], runtime: string, label: string): Row | undefined => rows.find((r) => r.runtime === runtime && r.label === label);
const pct = (v: number | undefined): string => (v === undefined ? '–' : `${(v * 100).toFixed(0)} %`);

function evaluate(results: Omit<Results, 'targets' | 'notes'>): Target[] {
  const rows = results.speed.rows;
  const live = (runtime: string): Row | undefined => find(rows, runtime, 'edge-health liveness');
  const cached = (runtime: string): Row | undefined => find(rows, runtime, 'edge-health readiness, per-isolate cache');
  const peers = ['@godaddy/terminus liveness', 'lightship /live'].map((label) => find(rows, 'Node', label));
  const bestPeer = Math.max(...peers.map((p) => p?.cpuRatio.median ?? 0));
  const bestPeerReq = Math.max(...peers.map((p) => p?.ratio.median ?? 0));
  const ours = results.added.find((r) => r.label === 'edge-health');
  const added = ours?.sequential.median ?? NaN;
  const late = results.timeouts.filter((r) => r.label.startsWith('edge-health'));
  const worstLate = Math.max(...late.map((r) => r.sequential.median));
  const own = results.sizes.find((s) => s.label === OWN_CODE_USED)?.gzip ?? NaN;
  const everyExport = results.sizes.find((s) => s.label.includes('every export, without itty-router'))?.gzip ?? NaN;
  const cacheLoad = results.load.find((r) => r.label.includes('per-isolate'));
  const both = (row: Row | undefined): string => `${pct(row?.ratio.median)} req/s, ${pct(row?.cpuRatio.median)} CPU`;
  return [
    { what: 'liveness in workerd', goal: '≥ 90 % of the bare Worker', measured: both(live('workerd')), met: (live('workerd')?.cpuRatio.median ?? 0) >= 0.9 && (live('workerd')?.ratio.median ?? 0) >= 0.9 },
    {
      what: 'liveness on Node',
      goal: '≥ the best peer (terminus, lightship), aiming for 90 % of bare node:http',
      measured: `${both(live('Node'))}; best peer ${pct(bestPeerReq)} req/s, ${pct(bestPeer)} CPU`,
      met: (live('Node')?.cpuRatio.median ?? 0) >= bestPeer,
    },
    { what: 'cached readiness in workerd', goal: '≥ 80 % of bare', measured: both(cached('workerd')), met: (cached('workerd')?.cpuRatio.median ?? 0) >= 0.8 && (cached('workerd')?.ratio.median ?? 0) >= 0.8 },
    { what: 'cached readiness on Node', goal: '≥ 80 % of bare', measured: both(cached('Node')), met: (cached('Node')?.cpuRatio.median ?? 0) >= 0.8 },
    {
      what: 'added latency',
      goal: '≤ 2 ms at p50',
      measured: `${added.toFixed(1)} ms over the physical limit (answer − dependency: ${ours?.overDependency?.median.toFixed(1) ?? '–'} ms)`,
      met: added <= 2,
    },
    { what: 'timeout overshoot', goal: '≤ 25 ms', measured: late.map((r) => `${r.label.replace('edge-health, ', '')}: ${fmt(r.sequential, (v) => v.toFixed(1))} ms`).join('; '), met: worstLate <= 25 },
    {
      what: 'dependency calls with the per-isolate cache',
      goal: `≤ 1 per check per period (10 s)`,
      measured: cacheLoad ? `API ${cacheLoad.paced[0]} paced, ${cacheLoad.burst[0]} at once` : '–',
      met: cacheLoad ? cacheLoad.paced[0] <= 1 && cacheLoad.burst[0] <= 1 : false,
    },
    {
      what: 'our own code (core + router), minified',
      goal: '≤ 8 KB gzipped',
      measured: `${own} bytes as a Worker ships it (createHealth + createHealthRouter); ${everyExport} bytes with every export kept`,
      met: own <= 8192,
    },
  ];
}

const NOTES = readFileSync(`${root}bench/notes.md`, 'utf8');

async function main(): Promise<void> {
  const started = performance.now();
  const machineFacts = machine();
  log(`edge-health benchmark: ${machineFacts.cores} cores, ${machineFacts['CPU model']}, load ${machineFacts['load average at start (1, 5, 15 min)']}`);
  const speed = await speedSection({ rounds, seconds, log });
  log('added latency');
  const added = await addedLatency(log);
  log('timeout precision');
  const timeouts = await timeoutPrecision(log);
  log('dependency load');
  const load = await dependencyLoad(log);
  log('size and cold start');
  const sizes = await sizeSection(log);
  const partial = { machine: machineFacts, speed, rounds, seconds, added, timeouts, load, sizes };
  const results: Results = { ...partial, targets: evaluate(partial), notes: [NOTES] };
  writeFileSync(`${root}bench/ratios.svg`, ratioChart(speed.rows));
  const report = renderReport(results);
  writeFileSync(`${root}BENCHMARKS.md`, report);
  writeFileSync(`${root}README.md`, benchSection(readFileSync(`${root}README.md`, 'utf8'), report));
  console.log(`\n${speedTable(speed.rows).join('\n')}`);
  for (const t of results.targets) console.log(`${t.met ? 'met   ' : 'MISSED'} ${t.what}: ${t.measured} (goal ${t.goal})`);
  console.log(`\nwrote BENCHMARKS.md, bench/ratios.svg and the README's benchmark section in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

await main();
