/**
 * Preloaded into a server under soak (`NODE_OPTIONS=--import ./bench/memory-sampler.ts`,
 * Node ≥ 22.18 strips the types): on each SIGUSR2 it prints one line,
 * `memory-usage {"rss":…,"heapTotal":…,"heapUsed":…,"external":…,"arrayBuffers":…}` in bytes,
 * after a full GC when the process runs with `--expose-gc`, and a `heap-spaces` line (V8's physical size of each space), so the JS heap's share of
 * the RSS can be told from the rest. `MEMORY_SNAPSHOTS=2,9` also writes a heap snapshot
 * (`v8.writeHeapSnapshot`, into the working directory) at the 2nd and 9th signal.
 * `MEMORY_V8_FLAGS='--trace-opt --trace-deopt'` sets V8 flags that NODE_OPTIONS refuses.
 * Never loaded by src/: a bench tool only.
 */
import { getHeapSpaceStatistics, getHeapStatistics, setFlagsFromString, writeHeapSnapshot } from 'node:v8';

if (process.env.MEMORY_V8_FLAGS) setFlagsFromString(process.env.MEMORY_V8_FLAGS);

const snapshotsAt = new Set((process.env.MEMORY_SNAPSHOTS ?? '').split(',').filter(Boolean).map(Number));
let signals = 0;

process.on('SIGUSR2', () => {
  signals += 1;
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
  console.error(`memory-usage ${JSON.stringify({ signal: signals, rss, heapTotal, heapUsed, external, arrayBuffers })}`);
  const { total_physical_size, malloced_memory, peak_malloced_memory } = getHeapStatistics();
  const spaces = Object.fromEntries(getHeapSpaceStatistics().map((space) => [space.space_name, space.physical_space_size]));
  console.error(`heap-spaces ${JSON.stringify({ signal: signals, total_physical_size, malloced_memory, peak_malloced_memory, ...spaces })}`);
  if (snapshotsAt.has(signals)) console.error(`heap-snapshot ${writeHeapSnapshot()}`);
});
