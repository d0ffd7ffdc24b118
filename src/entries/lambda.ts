/**
 * The deployable AWS Lambda function (handler `index.handler`): configuration
 * from `process.env`, init during Lambda's INIT phase, and drain on SIGTERM,
 * which Lambda sends only when an extension is registered.
 * @module
 */
import { handle } from '../adapters/lambda/index.ts';
import { createAppFromEnv } from '../config/index.ts';
import { DRAIN_DEFAULTS, drainOnSignal, redact } from '../core/index.ts';

const app = createAppFromEnv(process.env, {
  platform: 'aws-lambda',
  locate: () => process.env.AWS_REGION,
  initWaitMs: 5000,
});
const { lifecycle } = app.health;
// Why here: module scope is Lambda's INIT phase (up to 10 s, not billed the same way).
void lifecycle.ensureStarted();

const handleEvent = handle(app.fetch, {
  onError: (error, info) =>
    console.error(`edge-health: handler failed (request ${info.requestId ?? 'unknown'}): ${redact(error instanceof Error ? error.message : String(error))}`),
});

// Why count here and not rely on the lifecycle: an invocation is in flight until
// its result is returned to the runtime, after the router is done with it.
let invocations = 0;
const idleWaiters: (() => void)[] = [];
const idle = (): Promise<void> => (invocations === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve)));

drainOnSignal({
  lifecycle,
  ...DRAIN_DEFAULTS.lambda,
  signals: ['SIGTERM'],
  onSignal: (signal, handler) => void process.on(signal, handler),
  idle,
  inFlight: () => invocations,
  exit: (code) => setImmediate(() => process.exit(code)),
});

export async function handler(event: unknown, context?: unknown): ReturnType<typeof handleEvent> {
  invocations += 1;
  try {
    return await handleEvent(event, context);
  } finally {
    invocations -= 1;
    if (invocations === 0) for (const wake of idleWaiters.splice(0)) wake();
  }
}
