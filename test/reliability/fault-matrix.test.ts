import { describe, expect, inject, it } from 'vitest';
import type { TcpFaults } from '../../local/fault-proxy/index.ts';
import { nodeTarget } from '../conformance/targets/node-target.ts';
import { startBuiltWorker } from '../conformance/targets/worker-target.ts';
import { CHECK_TIMEOUT_MS, DEPENDENCIES, FAULTS, faultEnv, startFaultServers, type Dependency, type Expected, type Fault } from './support/fault-matrix.ts';

const stack = inject('stack');
const fixtures = inject('fixtures');
const CLOSED_PORT = Number(new URL(fixtures.refused).port);
/** How late a check may give up after its deadline, as the server measures it (a timer on a loaded two-core machine). */
const CHECK_MARGIN_MS = 400;
/** What the whole answer may add on top: the probe's own trip through a process boundary or workerd, under load. */
const ANSWER_MARGIN_MS = 1000;
const PROBES = 50;
/**
 * Node's fetch (undici) keeps even an aborted exchange's connection until its 4 s
 * keep-alive timeout; workerd closes it within about 2 s. Longer would be a leak.
 */
const SOCKETS_CLOSE_WITHIN_MS = 8000;
/** Words a runtime prints for a promise nobody handled. */
const UNHANDLED = /unhandled|uncaught/i;

interface Deployment {
  origin: string;
  logs(): string;
  stop(): Promise<void>;
}

const RUNTIMES: { name: string; start(env: Record<string, string>): Promise<Deployment> }[] = [
  {
    name: 'Node (dist/node/index.mjs)',
    async start(env) {
      const instance = await nodeTarget.start(env);
      const { origin, process: child } = instance;
      if (!origin || !child) throw new Error('the Node target serves no socket');
      return { origin, logs: () => child.output(), stop: () => instance.stop() };
    },
  },
  {
    name: 'workerd (dist/worker/worker.js)',
    async start(env) {
      const lines: string[] = [];
      const mf = await startBuiltWorker(env, { port: 0, onLog: (line) => lines.push(line) });
      const { origin } = await mf.ready;
      return { origin, logs: () => lines.join('\n'), stop: () => mf.dispose() };
    },
  },
];

interface Report {
  name: string;
  status: string;
  reason?: string;
  latency_ms: number;
  message?: string;
}

async function waitForNoSockets(servers: Record<Dependency, TcpFaults>, withinMs: number): Promise<number> {
  const until = performance.now() + withinMs;
  const open = (): number => DEPENDENCIES.reduce((sum, name) => sum + servers[name].openSockets(), 0);
  while (open() > 0 && performance.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
  return open();
}

/** What a healthy answer or a failing dependency looks like, by its category: Postgres and the API critical, Redis not. */
function expectAnswer(name: Dependency, expected: Expected, status: number, report: Report | undefined, body: unknown): void {
  const said = JSON.stringify(body);
  if (expected === 'healthy') {
    expect(status, said).toBe(200);
    expect(report, said).toMatchObject({ name, status: 'healthy' });
    return;
  }
  expect(status, said).toBe(name === 'redis' ? 200 : 503);
  expect(report, said).toMatchObject({ name, status: 'unhealthy', reason: expected.reason });
}

describe.each(RUNTIMES)('TCP faults in front of Postgres, Redis and an API: $name', (runtime) => {
  it.concurrent.each(FAULTS.map((fault) => [fault.name, fault] as [string, Fault]))(
    '%s: the right status and reason by the deadline (in the server and at the prober), no socket left after 50 probes, no unhandled rejection, liveness after',
    async (_, fault) => {
      const servers = await startFaultServers(stack, fixtures.http);
      const deployment = await runtime.start(faultEnv(stack, fault, servers, CLOSED_PORT));
      try {
        // Why one unmeasured round: the deadline is about checks, not an isolate's first request or a driver's first load.
        await (await fetch(`${deployment.origin}/health/ready`)).arrayBuffer();
        const timeoutMs = fault.timeoutMs ?? CHECK_TIMEOUT_MS;
        for (const name of DEPENDENCIES) {
          const started = performance.now();
          const response = await fetch(`${deployment.origin}/health/ready/${name}`);
          const body = (await response.json()) as { dependencies: Report[] };
          const report = body.dependencies[0];
          expect(performance.now() - started, `${name}: the answer came late`).toBeLessThan(timeoutMs + ANSWER_MARGIN_MS);
          expect(report?.latency_ms, `${name}: the check ran past its deadline`).toBeLessThan(timeoutMs + CHECK_MARGIN_MS);
          expectAnswer(name, fault.expected[name], response.status, report, body);
        }
        await Promise.all(Array.from({ length: PROBES }, () => fetch(`${deployment.origin}/health/ready`).then((r) => r.arrayBuffer())));
        expect(await waitForNoSockets(servers, SOCKETS_CLOSE_WITHIN_MS)).toBe(0);
        expect((await fetch(`${deployment.origin}/health/live`)).status).toBe(200);
        expect(deployment.logs()).not.toMatch(UNHANDLED);
      } finally {
        await deployment.stop();
        await Promise.all(DEPENDENCIES.map((name) => servers[name].close()));
      }
    },
  );
});
