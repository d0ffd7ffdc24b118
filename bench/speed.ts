/**
 * `npm run bench:speed`: the throughput rows alone, printed and written
 * nowhere, to iterate on a change in a couple of minutes. `BENCH_RUNTIMES`
 * (`Node`, `workerd`, comma-separated) and `BENCH_ROWS` (a pattern over row
 * labels; each runtime's bare row always runs) narrow it, `BENCH_ROUNDS` and
 * `BENCH_SECONDS` shorten it:
 *
 *   BENCH_RUNTIMES=Node BENCH_ROWS='liveness|cache|lightship' npm run bench:speed
 */
import { speedSection, speedTable } from './speed-section.ts';

const runtimes = process.env.BENCH_RUNTIMES?.split(',').map((name) => name.trim());
const rows = process.env.BENCH_ROWS ? new RegExp(process.env.BENCH_ROWS) : undefined;
const log = (line: string): void => console.log(line);

const speed = await speedSection({
  rounds: Number(process.env.BENCH_ROUNDS ?? 3),
  seconds: Number(process.env.BENCH_SECONDS ?? 3),
  log,
  ...(runtimes ? { runtimes } : {}),
  ...(rows ? { rows } : {}),
});
log(`\n${speedTable(speed.rows).join('\n')}`);
log(`load generator check: one autocannon ${speed.generator.one.toFixed(0)} req/s, two ${speed.generator.two.toFixed(0)} req/s`);
