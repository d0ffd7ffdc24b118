/**
 * Loaded with `node --import` into a benchmark server by `bench/critical-path.ts`:
 * times each readiness probe's two stretches that are the handler's own, from
 * node:http's and undici's diagnostics channels, and prints their medians on
 * SIGINT. The slowest dependency is the request whose path ends in `SLOW_PATH`.
 */
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';

interface Probe {
  start: number;
  slowCreated: number;
  slowHeaders: number;
  finish: number;
}

const slowPath = process.env.SLOW_PATH ?? '/slow/120';
const done: Probe[] = [];
let current: Probe = { start: 0, slowCreated: 0, slowHeaders: 0, finish: 0 };
const now = (): number => performance.now();
const isReady = (message: unknown): boolean => ((message as { request: IncomingMessage }).request.url ?? '').includes('ready');
const isSlow = (message: unknown): boolean => String((message as { request: { path: string } }).request.path).endsWith(slowPath);

subscribe('http.server.request.start', (message) => {
  if (isReady(message)) current = { start: now(), slowCreated: 0, slowHeaders: 0, finish: 0 };
});
subscribe('undici:request:create', (message) => {
  if (isSlow(message)) current.slowCreated = now();
});
subscribe('undici:request:headers', (message) => {
  if (isSlow(message)) current.slowHeaders = now();
});
subscribe('http.server.response.finish', (message) => {
  if (!isReady(message)) return;
  current.finish = now();
  done.push(current);
});

const median = (values: number[]): number => values.sort((a, b) => a - b)[values.length >> 1] ?? NaN;

process.once('SIGINT', () => {
  const measured = done.slice(1);
  const before = median(measured.map((p) => p.slowCreated - p.start));
  const after = median(measured.map((p) => p.finish - p.slowHeaders));
  console.log(JSON.stringify({ probes: measured.length, beforeMs: before, afterMs: after }));
  process.exit(0);
});
