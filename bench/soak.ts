/**
 * `npm run soak`: 50,000 probes at 200 in flight against the built Node server and
 * the built Worker in workerd, on loopback, with a blackholed check asked on the side.
 * Prints the figures and writes them into RELIABILITY.md's soak table.
 * `SOAK_PROBES` and `SOAK_CONCURRENCY` change the load, `SOAK_ONLY=workerd` (or `Node`) picks one
 * runtime, `SOAK_SKIP_BUILD=1` reuses dist/, `SOAK_TRACE=1` prints each error with its time
 * (a periodic fault shows its period).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { startHttpFixtures } from '../test/support/http-fixtures.ts';
import { BLACKHOLE_TIMEOUT_MS, DEADLINE_PATH, SOAK_DEPLOYMENTS, SOAK_PATHS, soakEnv } from './soak-deployments.ts';
import { soak, type SoakResult } from './soak-probes.ts';

const root = new URL('..', import.meta.url).pathname;
const PROBES = Number(process.env.SOAK_PROBES ?? 50_000);
const CONCURRENCY = Number(process.env.SOAK_CONCURRENCY ?? 200);
const TABLE_START = '<!-- soak:start -->';
const TABLE_END = '<!-- soak:end -->';

/** RSS after warm-up, at its peak and at the end; and its growth over the second half, when a warming heap has levelled off and a leak still climbs. */
function memory(result: SoakResult): string {
  const peak = Math.max(result.rssBefore, ...result.rssSamples, result.rssAfter);
  const half = result.rssSamples[Math.floor(result.rssSamples.length / 2) - 1] ?? result.rssBefore;
  return `${result.rssBefore} / ${peak} / ${result.rssAfter} | ${(result.rssAfter - half).toFixed(1)} MiB`;
}

const row = (runtime: string, result: SoakResult): string => {
  const worstDeadline = Math.max(...result.deadlineLatencies);
  return `| ${runtime} | ${result.probes.toLocaleString('en')} at ${CONCURRENCY} | ${result.errors} | ${result.perSecond.toLocaleString('en')} | ${result.p50} / ${result.p99} / ${result.max} | ${memory(result)} | ${result.deadlineLatencies.length} answers, worst ${worstDeadline.toFixed(0)} ms end to end, ${Math.max(...result.deadlineServerMs)} ms in the server (T = ${BLACKHOLE_TIMEOUT_MS}) |`;
};

if (process.env.SOAK_SKIP_BUILD !== '1') execFileSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
const fixtures = await startHttpFixtures();
const rows: string[] = [];
const notes: string[] = [];
let failed = false;
try {
  for (const deployment of SOAK_DEPLOYMENTS.filter(({ runtime }) => runtime.includes(process.env.SOAK_ONLY ?? ''))) {
    const running = await deployment.start(soakEnv(fixtures.http, fixtures.silent));
    try {
      const result = await soak({
        origin: running.origin,
        probes: PROBES,
        concurrency: CONCURRENCY,
        paths: SOAK_PATHS,
        deadline: { path: DEADLINE_PATH, everyMs: 250 },
        pid: running.pid,
      });
      rows.push(row(deployment.runtime, result));
      console.log(rows.at(-1));
      const tenths = `${deployment.runtime.split(' ')[0]}: RSS at each tenth of the load (MiB): ${result.rssSamples.join(', ')}`;
      notes.push(`- ${tenths}`);
      console.log(tenths);
      if (result.errors > 0) {
        failed = true;
        console.error(`${deployment.runtime}: ${result.errors} errors, first: ${result.failures.join('; ')}\nits last log lines:\n${running.logs()}`);
      }
    } finally {
      await running.stop();
    }
  }
} finally {
  await fixtures.close();
}

const stamp = `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on this 2-core machine (shared), Node ${process.version}.`;
const table = [
  stamp,
  '',
  '| Runtime | Probes | Errors | Probes/s | p50 / p99 / max (ms) | Server RSS after warm-up / peak / end (MiB) | RSS growth over the second half | Blackholed check under load |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ...rows,
  '',
  ...notes,
].join('\n');
const file = `${root}RELIABILITY.md`;
const text = readFileSync(file, 'utf8');
const start = text.indexOf(TABLE_START);
const end = text.indexOf(TABLE_END);
if (start === -1 || end === -1) throw new Error(`RELIABILITY.md has no ${TABLE_START} … ${TABLE_END} block`);
writeFileSync(file, `${text.slice(0, start + TABLE_START.length)}\n${table}\n${text.slice(end)}`);
console.log('RELIABILITY.md: soak table updated');
if (failed) process.exitCode = 1;
