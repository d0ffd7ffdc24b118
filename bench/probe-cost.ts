/**
 * `node --import tsx bench/probe-cost.ts`: the CPU time of one probe inside the
 * process, through the Node adapter's lazy request, the router and
 * `writeResponse`, with no socket (a stand-in `ServerResponse` that writes
 * nothing). Why beside the HTTP rows: on a shared machine their spread hides a
 * few microseconds; this one counts only edge-health's own path.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { toRequest } from '../src/adapters/node/to-request.ts';
import { writeResponse } from '../src/adapters/node/write-response.ts';
import { createHealth, defineCheck, Lifecycle } from '../src/core/index.ts';
import { createHealthRouter } from '../src/router/index.ts';

const PROBES = 50_000;
const ROUNDS = 5;

const lifecycle = new Lifecycle();
const checks = ['a', 'b', 'c'].map((name) => defineCheck({ name, run: () => ({ status: 'healthy' }) }));
const router = createHealthRouter(createHealth({ lifecycle, cacheMs: 600_000, checks }));

/** What autocannon sends, as node:http hands it over. */
const incoming = (url: string): IncomingMessage =>
  ({ method: 'GET', url, headers: { host: '127.0.0.1:1' }, rawHeaders: ['Host', '127.0.0.1:1', 'Connection', 'keep-alive', 'User-Agent', 'autocannon'] }) as unknown as IncomingMessage;
const outgoing = (): ServerResponse => ({ closed: false, writableFinished: false, once() {}, writeHead() {}, end() {} }) as unknown as ServerResponse;

/** CPU-µs per probe of `path` over `count` probes in a row. */
async function cpuPerProbe(path: string, count: number): Promise<number> {
  const before = process.cpuUsage();
  for (let i = 0; i < count; i++) {
    const out = outgoing();
    const request = toRequest(incoming(path), out, { lazy: true }) as Request;
    await writeResponse(await router.fetch(request), out);
  }
  const used = process.cpuUsage(before);
  return (used.user + used.system) / count;
}

for (const path of ['/health/live', '/health/ready']) await cpuPerProbe(path, PROBES);
for (let round = 1; round <= ROUNDS; round++) {
  const live = await cpuPerProbe('/health/live', PROBES);
  const ready = await cpuPerProbe('/health/ready', PROBES);
  const serialize = await serializeCost('/health/ready', PROBES);
  console.log(
    `round ${round}: liveness ${live.toFixed(1)} CPU-µs a probe, readiness from the per-isolate cache ${ready.toFixed(1)} (of which JSON.stringify of its body alone ${serialize.toFixed(1)})`,
  );
}

/**
 * CPU-µs of `JSON.stringify` alone for the body `path` answers (parsed back to
 * a value): the part of an answer no shortcut in the path removes.
 */
async function serializeCost(path: string, count: number): Promise<number> {
  const value: unknown = JSON.parse(await (await router.fetch(new Request(`http://127.0.0.1:1${path}`))).text());
  const before = process.cpuUsage();
  let length = 0;
  for (let i = 0; i < count; i++) length += JSON.stringify(value).length;
  const used = process.cpuUsage(before);
  return length > 0 ? (used.user + used.system) / count : 0;
}
