import { readdirSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

export interface SoakOptions {
  /** Where the deployment listens, `http://127.0.0.1:<port>`. */
  origin: string;
  /** How many probes in all. */
  probes: number;
  /** How many in flight at once, each on its own kept-alive connection. */
  concurrency: number;
  /** Paths probed in turn; each must answer 200. */
  paths: readonly string[];
  /** A path whose check is blackholed, probed on the side every `everyMs` to see its deadline hold under load. */
  deadline: { path: string; everyMs: number };
  /** The server's process, to read its resident memory. */
  pid: number;
  /** Called after warm-up (0) and at each tenth of the load (1–10), after its RSS is read (`bench/soak-rss.ts` signals the server's sampler). */
  onTenth?: (tenth: number) => void;
}

export interface SoakResult {
  probes: number;
  errors: number;
  /** The first few failures, for the report. */
  failures: string[];
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  /** Latencies of the blackholed check's answers during the load, in ms, as the prober saw them. */
  deadlineLatencies: number[];
  /** The same answers' `latency_ms` of the check, as the server measured it. */
  deadlineServerMs: number[];
  /** Resident memory of the server after warm-up and after the load, in MiB. */
  rssBefore: number;
  rssAfter: number;
  /** Resident memory at each tenth of the load, in MiB: a leak climbs, a warming heap levels off. */
  rssSamples: number[];
}

/** Resident set size of a process, in MiB, from /proc (Linux). */
export function rssMiB(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) / 1024;
}

/** The workerd process Miniflare started for this process (its child named workerd). */
export function workerdPid(parent = process.pid): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      if (/^Name:\s+workerd$/m.test(status) && new RegExp(`^PPid:\\s+${parent}$`, 'm').test(status)) return Number(entry);
    } catch {
      // Why: a process may exit between listing and reading.
    }
  }
  throw new Error('no workerd child process found');
}

function probe(agent: Agent, origin: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}${path}`, { agent }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      response.on('error', reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error(`no answer to ${path} within 30 s`)));
    req.on('error', reject);
    req.end();
  });
}

/** The one check's `latency_ms` in a seed JSON answer, or NaN. */
function serverLatency(body: string): number {
  try {
    return Number((JSON.parse(body) as { dependencies?: { latency_ms?: unknown }[] }).dependencies?.[0]?.latency_ms ?? NaN);
  } catch {
    return NaN;
  }
}

const percentile = (sorted: readonly number[], q: number): number =>
  Number((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(2));

/**
 * Sends a fixed number of probes with a fixed number in flight (a closed loop), while
 * the blackholed check is asked on the side; counts anything but a 200 as an error.
 */
export async function soak(options: SoakOptions): Promise<SoakResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const failures: string[] = [];
  let errors = 0;
  const fail = (text: string): void => {
    errors += 1;
    if (process.env.SOAK_TRACE) console.error(`error at ${Math.round(performance.now())} ms: ${text.slice(0, 80)}`);
    if (failures.length < 5) failures.push(text);
  };
  const send = async (index: number): Promise<number> => {
    const path = options.paths[index % options.paths.length] ?? '/';
    const started = performance.now();
    try {
      const { status, body } = await probe(agent, options.origin, path);
      if (status !== 200) fail(`${path}: HTTP ${status} ${body.slice(0, 1200)}`);
    } catch (error) {
      fail(`${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return performance.now() - started;
  };

  // Why warm up at full concurrency: every connection is open before the figures start,
  // so they measure answers, not a burst of connection setup.
  await Promise.all(Array.from({ length: options.concurrency }, async (_, i) => {
    for (let round = 0; round < 5; round += 1) await send(i);
  }));
  errors = 0;
  failures.length = 0;
  const rssBefore = rssMiB(options.pid);
  options.onTenth?.(0);

  const deadlineLatencies: number[] = [];
  const deadlineServerMs: number[] = [];
  let loading = true;
  const watcher = (async () => {
    // Why kept alive: the figure is the answer's time, not a new connection's under load.
    const side = new Agent({ keepAlive: true, maxSockets: 1 });
    await probe(side, options.origin, '/health/live');
    while (loading) {
      const started = performance.now();
      const answer = await probe(side, options.origin, options.deadline.path).catch((error: unknown) => fail(`deadline probe: ${String(error)}`));
      deadlineLatencies.push(performance.now() - started);
      if (answer) deadlineServerMs.push(serverLatency(answer.body));
      await new Promise((resolve) => setTimeout(resolve, options.deadline.everyMs));
    }
  })();

  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const rssSamples: number[] = [];
  const tenth = Math.max(1, Math.floor(options.probes / 10));
  const worker = async (): Promise<void> => {
    while (next < options.probes) {
      latencies.push(await send(next++));
      if (latencies.length % tenth === 0) {
        rssSamples.push(Number(rssMiB(options.pid).toFixed(1)));
        options.onTenth?.(rssSamples.length);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const elapsed = performance.now() - started;
  loading = false;
  await watcher;
  agent.destroy();

  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    probes: latencies.length,
    errors,
    failures,
    perSecond: Math.round((latencies.length / elapsed) * 1000),
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    max: percentile(sorted, 1),
    deadlineLatencies,
    deadlineServerMs,
    rssBefore: Number(rssBefore.toFixed(1)),
    rssAfter: Number(rssMiB(options.pid).toFixed(1)),
    rssSamples,
  };
}
