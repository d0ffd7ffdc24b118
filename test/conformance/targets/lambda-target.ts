import { pathToFileURL } from 'node:url';
import { fromLambdaResult, LAMBDA_EVENT_LABELS, lambdaContext, toLambdaEvent, type LambdaEventKind } from './lambda-events.ts';
import { root } from './spawn-server.ts';
import { importFresh } from './import-fresh.ts';
import type { Target } from './target.ts';
import { withProcessEnv } from './with-process-env.ts';

export type LambdaHandler = (event: unknown, context: unknown) => Promise<unknown>;

export const LAMBDA_BUNDLE = `${root}dist/lambda/index.mjs`;

/**
 * A fresh copy of the built bundle, as a new execution environment would load it:
 * it reads `process.env` while it loads (Lambda's INIT phase).
 */
export async function loadBundle(): Promise<LambdaHandler> {
  const listening = new Set(process.listeners('SIGTERM'));
  const module = await importFresh<{ handler: LambdaHandler }>(pathToFileURL(LAMBDA_BUNDLE).href);
  // Why: the bundle's SIGTERM handler exits the process it runs in, which is
  // here the test runner's worker, not a Lambda execution environment.
  for (const listener of process.listeners('SIGTERM')) if (!listening.has(listener)) process.off('SIGTERM', listener);
  return module.handler;
}

/**
 * The built bundle `dist/lambda/index.mjs`, imported here and invoked with events of
 * one shape; each request becomes an event, each result a response, as AWS does.
 */
export function lambdaTarget(kind: LambdaEventKind): Target {
  return {
    name: `lambda (dist/lambda/index.mjs in-process, ${LAMBDA_EVENT_LABELS[kind]})`,
    platform: 'aws-lambda',
    base: '/health',
    drain: {
      kind: 'none',
      why: 'there is no process of its own to signal here; the lambda-local target sends SIGTERM to a child process running this same bundle',
    },
    async start(env) {
      const handler = await withProcessEnv(env, loadBundle);
      return {
        async fetch(request) {
          const event = await toLambdaEvent(kind, request);
          return fromLambdaResult(kind, event, await handler(event, lambdaContext()));
        },
        stop: async () => {},
      };
    },
  };
}
