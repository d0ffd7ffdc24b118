/**
 * Throughput, latency and server CPU per request of each target, in rounds
 * that visit every target in turn (so a burst of other work on the machine
 * lands on all of them), as ratios to the bare handler of the same round.
 */
import { autocannon, cpuMicros, spread, type Load } from './measure.ts';

export interface Endpoint {
  label: string;
  /** The group the row's ratio belongs to: rows are compared to `bare` of their runtime. */
  runtime: 'Node' | 'workerd';
  url: string;
  pid: number;
}

export interface Row {
  label: string;
  runtime: string;
  perSecond: Spread;
  ratio: Spread;
  p50: Spread;
  p99: Spread;
  cpuMicros: Spread;
  cpuRatio: Spread;
  failures: number;
}

export type Spread = ReturnType<typeof spread>;

interface Sample extends Load {
  cpu: number;
}

export const CONNECTIONS = 32;
const WARMUP_REQUESTS = 5000;

async function sample(endpoint: Endpoint, seconds: number): Promise<Sample> {
  const before = cpuMicros(endpoint.pid);
  const load = await autocannon(endpoint.url, { connections: CONNECTIONS, seconds });
  return { ...load, cpu: (cpuMicros(endpoint.pid) - before) / Math.max(load.requests, 1) };
}

/** `rounds` rounds over all endpoints; the first endpoint is the bare handler. */
export async function throughput(endpoints: Endpoint[], options: { rounds: number; seconds: number; log: (line: string) => void }): Promise<Row[]> {
  // Why by amount: V8 optimizes a server's hot path after some thousands of requests, however long that takes on a busy machine.
  for (const endpoint of endpoints) await autocannon(endpoint.url, { connections: CONNECTIONS, amount: WARMUP_REQUESTS });
  const samples = endpoints.map((): Sample[] => []);
  for (let round = 0; round < options.rounds; round += 1) {
    for (const [i, endpoint] of endpoints.entries()) {
      const result = await sample(endpoint, options.seconds);
      samples[i]?.push(result);
      options.log(`  round ${round + 1} ${endpoint.runtime} ${endpoint.label}: ${result.perSecond.toFixed(0)} req/s, ${result.cpu.toFixed(1)} CPU-µs/req`);
    }
  }
  const bare = samples[0] ?? [];
  return endpoints.map((endpoint, i) => {
    const own = samples[i] ?? [];
    const of = (pick: (s: Sample) => number): Spread => spread(own.map(pick));
    return {
      label: endpoint.label,
      runtime: endpoint.runtime,
      perSecond: of((s) => s.perSecond),
      ratio: spread(own.map((s, round) => s.perSecond / (bare[round]?.perSecond ?? NaN))),
      p50: of((s) => s.p50),
      p99: of((s) => s.p99),
      cpuMicros: of((s) => s.cpu),
      cpuRatio: spread(own.map((s, round) => (bare[round]?.cpu ?? NaN) / s.cpu)),
      failures: own.reduce((sum, s) => sum + s.errors + s.non2xx, 0),
    };
  });
}

/**
 * Whether the load generator limits the bare server: the same connections from
 * two autocannon processes instead of one. Equal totals mean it does not.
 */
export async function generatorCheck(endpoint: Endpoint, seconds: number): Promise<{ one: number; two: number; serverCoreShare: number }> {
  const before = cpuMicros(endpoint.pid);
  const one = await autocannon(endpoint.url, { connections: CONNECTIONS, seconds });
  const serverCoreShare = (cpuMicros(endpoint.pid) - before) / (seconds * 1e6);
  const pair = await Promise.all([0, 1].map(() => autocannon(endpoint.url, { connections: CONNECTIONS / 2, seconds })));
  return { one: one.perSecond, two: pair.reduce((sum, load) => sum + load.perSecond, 0), serverCoreShare };
}
