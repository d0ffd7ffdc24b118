/**
 * `node --import tsx bench/profile-workerd.ts [worker] [path] [seconds]`: a CPU
 * profile of one benchmark Worker (bench/targets/workers/<worker>.ts, with
 * `CACHE_MS=10000`) inside workerd under autocannon load, taken through
 * workerd's V8 inspector (Miniflare's `inspectorPort`), written to
 * dist/bench/profiles/ and summarized. It samples the Worker's own isolate only:
 * Miniflare's entry Worker and workerd's HTTP handling are not in it.
 *
 *   node --import tsx bench/profile-workerd.ts edge-health /health/ready 8
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { BENCH_DIST, buildWorker } from './build.ts';
import { autocannon } from './measure.ts';
import { summarize, type ProfileNode } from './profile-summary.ts';
import { CONNECTIONS } from './throughput.ts';
import { serveWorker } from './workerd.ts';

const [source = 'edge-health', path = '/health/live', seconds = '8'] = process.argv.slice(2);
const INSPECTOR_PORT = 9329;
const root = new URL('..', import.meta.url).pathname;

interface Inspector {
  send(method: string, params?: object): Promise<{ result?: { profile?: { nodes: ProfileNode[]; samples: number[] } } }>;
  close(): void;
}

/** A DevTools protocol session with the Worker's own isolate. */
async function inspect(): Promise<Inspector> {
  const targets = (await (await fetch(`http://127.0.0.1:${INSPECTOR_PORT}/json`)).json()) as { title: string; webSocketDebuggerUrl: string }[];
  const target = targets.find((candidate) => candidate.title.includes('core:user'));
  if (!target) throw new Error(`No user Worker among the inspector's targets: ${targets.map((t) => t.title).join(', ')}`);
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve) => socket.addEventListener('open', resolve));
  const pending = new Map<number, (message: never) => void>();
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number };
    if (message.id !== undefined) pending.get(message.id)?.(message as never);
  });
  let id = 0;
  return {
    send: (method, params = {}) => new Promise((resolve) => (pending.set(++id, resolve), socket.send(JSON.stringify({ id, method, params })))),
    close: () => socket.close(),
  };
}

const worker = await serveWorker(await buildWorker(`${root}bench/targets/workers/${source}.ts`, source), { CACHE_MS: '10000' }, INSPECTOR_PORT);
try {
  const url = `${worker.url}${path}`;
  await autocannon(url, { connections: CONNECTIONS, amount: 5000 });
  const inspector = await inspect();
  await inspector.send('Profiler.enable');
  await inspector.send('Profiler.start');
  const load = await autocannon(url, { connections: CONNECTIONS, seconds: Number(seconds) });
  const profile = (await inspector.send('Profiler.stop')).result?.profile;
  inspector.close();
  if (!profile) throw new Error('The inspector returned no profile.');
  mkdirSync(`${BENCH_DIST}profiles`, { recursive: true });
  const file = `${BENCH_DIST}profiles/workerd-${source}${path.replaceAll('/', '_')}.cpuprofile`;
  writeFileSync(file, JSON.stringify(profile));
  console.log(`${source} ${path}: ${load.requests} requests, ${load.perSecond.toFixed(0)} req/s; profile ${file}\n`);
  console.log(summarize(profile, 30).join('\n'));
} finally {
  await worker.dispose();
}
