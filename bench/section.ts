/**
 * `npx tsx bench/section.ts <added|timeouts|size>`: one section of `npm run bench`
 * alone, its rows printed as JSON, to iterate on it without the whole run
 * (nor BENCHMARKS.md rewritten).
 */
import { addedLatency, timeoutPrecision } from './deadlines-section.ts';
import { sizeSection } from './size-section.ts';

const SECTIONS: Record<string, (log: (line: string) => void) => Promise<unknown[]>> = {
  added: addedLatency,
  timeouts: timeoutPrecision,
  size: sizeSection,
};

const name = process.argv[2] ?? '';
const section = SECTIONS[name];
if (!section) {
  console.error(`Unknown section "${name}". Known: ${Object.keys(SECTIONS).join(', ')}`);
  process.exit(2);
}
for (const row of await section((line) => console.log(line))) console.log(JSON.stringify(row));
