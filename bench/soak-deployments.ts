import { nodeTarget } from '../test/conformance/targets/node-target.ts';
import { startBuiltWorker } from '../test/conformance/targets/worker-target.ts';
import { workerdPid } from './soak-probes.ts';

/** The blackholed check's deadline: it must answer by this plus a margin, load or not. */
export const BLACKHOLE_TIMEOUT_MS = 500;

/** A deployment under soak: where it listens and which process holds its memory. */
export interface SoakDeployment {
  runtime: string;
  origin: string;
  pid: number;
  /** The last lines it logged, for a report of errors. */
  logs(): string;
  stop(): Promise<void>;
}

/** A real check (an HTTP API that answers) and a blackholed one (a server that accepts and never answers). */
export const soakEnv = (api: string, silent: string): Record<string, string> => ({
  HEALTH_VERSION: 'soak',
  HEALTH_HTTP_CHECKS: JSON.stringify([
    { name: 'api', url: `${api}/ok` },
    { name: 'blackhole', url: silent, timeout_ms: BLACKHOLE_TIMEOUT_MS, category: 'non-critical' },
  ]),
});

/** Probed in turn: liveness, and readiness of the real check (a real request to the API each time). */
export const SOAK_PATHS = ['/health/live', '/health/ready/api'] as const;
export const DEADLINE_PATH = '/health/ready/blackhole';

/** The built Node server and the built Worker in workerd, each on a loopback port. */
const NODE = 'Node (dist/node/index.mjs)';
const WORKERD = 'workerd (dist/worker/worker.js, Miniflare socket)';

export const SOAK_DEPLOYMENTS: { runtime: string; start(env: Record<string, string>): Promise<SoakDeployment> }[] = [
  {
    runtime: NODE,
    async start(env) {
      const instance = await nodeTarget.start(env);
      if (!instance.origin || !instance.process) throw new Error('the Node target serves no socket');
      const { process: child } = instance;
      return { runtime: NODE, origin: instance.origin, pid: child.pid, logs: () => child.output().slice(-2000), stop: () => instance.stop() };
    },
  },
  {
    runtime: WORKERD,
    async start(env) {
      const lines: string[] = [];
      const mf = await startBuiltWorker(env, { port: 0, onLog: (line) => lines.push(line) });
      const { origin } = await mf.ready;
      return { runtime: WORKERD, origin, pid: workerdPid(), logs: () => lines.slice(-20).join('\n'), stop: () => mf.dispose() };
    },
  },
];
