import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { fromLambdaResult, lambdaContext, toLambdaEvent, type LambdaEventKind } from '../conformance/targets/lambda-events.ts';
import { loadBundle, type LambdaHandler } from '../conformance/targets/lambda-target.ts';
import { nodeTarget } from '../conformance/targets/node-target.ts';
import type { Instance } from '../conformance/targets/target.ts';
import { withProcessEnv } from '../conformance/targets/with-process-env.ts';
import { startBuiltWorker } from '../conformance/targets/worker-target.ts';
import { findLeak, responseText, type Leak } from './support/secrets.ts';
import { matrixRequests, secretMatrix } from './support/secret-matrix.ts';

const matrix = secretMatrix(inject('stack'), inject('fixtures'));
const requests = matrixRequests(matrix.checkNames, matrix.secrets.HEALTH_DETAILS_TOKEN ?? '');
const FAULTS = Object.entries(matrix.faults);

/** A deployment under test: answers requests, and shows everything it has logged. */
interface Deployment {
  fetch(path: string, init: RequestInit): Promise<Response>;
  logs(): string;
  stop(): Promise<void>;
}

/** Sends the whole matrix to one deployment and returns every leak in answers and logs. */
async function leaksOf(deployment: Deployment, fault: string): Promise<{ leaks: Leak[]; statuses: Set<number> }> {
  const leaks: Leak[] = [];
  const statuses = new Set<number>();
  await Promise.all(
    requests.map(async ({ label, path, init }) => {
      const response = await deployment.fetch(path, init);
      statuses.add(response.status);
      const leak = findLeak(await responseText(response), matrix.secrets, `${fault}: ${label}`);
      if (leak) leaks.push(leak);
    }),
  );
  const logged = findLeak(deployment.logs(), matrix.secrets, `${fault}: log`);
  if (logged) leaks.push(logged);
  return { leaks, statuses };
}

function describeSecrets(runtime: string, deploy: (env: Record<string, string>) => Promise<Deployment>): void {
  describe(`no byte of a secret in any answer or log line: ${runtime}`, () => {
    const deployments = new Map<string, Deployment>();
    beforeAll(async () => {
      await Promise.all(FAULTS.map(async ([fault, env]) => deployments.set(fault, await deploy(env))));
    }, 90_000);
    afterAll(async () => {
      await Promise.all([...deployments.values()].map((deployment) => deployment.stop()));
    });

    it.each(FAULTS.map(([fault]) => fault))(
      `with %s, over ${requests.length} requests (every route, format, method, with and without the token)`,
      async (fault) => {
        const deployment = deployments.get(fault);
        if (!deployment) throw new Error(`${runtime} did not start with ${fault}`);
        const { leaks, statuses } = await leaksOf(deployment, fault);
        expect(leaks).toEqual([]);
        // The matrix reached the code that knows the secrets: some answers are health answers, not only 404s and 405s.
        expect([...statuses].some((status) => status === 200 || status === 503)).toBe(true);
      },
    );
  });
}

describeSecrets('Node (dist/node/index.mjs, stdout and stderr)', async (env) => {
  const instance: Instance = await nodeTarget.start(env);
  const { origin, process: child } = instance;
  if (!origin || !child) throw new Error('the Node target serves no socket');
  return { fetch: (path, init) => fetch(`${origin}${path}`, init), logs: () => child.output(), stop: () => instance.stop() };
});

describeSecrets('workerd (dist/worker/worker.js in Miniflare, its log)', async (env) => {
  const lines: string[] = [];
  const mf: Miniflare = await startBuiltWorker(env, { port: 0, onLog: (line) => lines.push(line) });
  const { origin } = await mf.ready;
  return { fetch: (path, init) => fetch(`${origin}${path}`, init), logs: () => lines.join('\n'), stop: () => mf.dispose() };
});

/** Lambda's event shapes in turn, so each request of the matrix also varies the event. */
const KINDS: LambdaEventKind[] = ['api-gateway-v1', 'api-gateway-v2', 'function-url', 'alb', 'alb-multi-value', 'vpc-lattice-v1', 'vpc-lattice-v2'];

describe('Lambda console', () => {
  // Why one capture for the file: the bundle logs through this process's console, at load and per invocation.
  const lines: string[] = [];
  beforeAll(() => {
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
    }
  });
  afterAll(() => vi.restoreAllMocks());

  describeSecrets('Lambda (dist/lambda/index.mjs with AWS-shaped events, console)', async (env) => {
    const handler: LambdaHandler = await withProcessEnv(env, loadBundle);
    let turn = 0;
    return {
      async fetch(path, init) {
        const kind = KINDS[turn++ % KINDS.length] ?? 'api-gateway-v2';
        const event = await toLambdaEvent(kind, new Request(`https://lambda.test${path}`, init));
        return fromLambdaResult(kind, event, await handler(event, lambdaContext()));
      },
      logs: () => lines.join('\n'),
      stop: async () => {},
    };
  });
});
