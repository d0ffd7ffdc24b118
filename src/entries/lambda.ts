/**
 * The deployable AWS Lambda function (handler `index.handler`): configuration
 * from `process.env`, init during Lambda's INIT phase, and drain on SIGTERM,
 * which Lambda sends only when an extension is registered.
 * @module
 */
import { handle } from '../adapters/lambda/index.ts';
import { createAppFromEnv } from '../config/index.ts';
import { redact } from '../core/index.ts';

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
let stopping = false;
const stopIfIdle = (): void => {
  if (!stopping || invocations > 0) return;
  lifecycle.stop('received SIGTERM');
  console.log('edge-health: stopped');
  setImmediate(() => process.exit(0));
};

process.once('SIGTERM', () => {
  stopping = true;
  lifecycle.shutdown('received SIGTERM');
  stopIfIdle();
});

export async function handler(event: unknown, context?: unknown): ReturnType<typeof handleEvent> {
  invocations += 1;
  try {
    return await handleEvent(event, context);
  } finally {
    invocations -= 1;
    stopIfIdle();
  }
}
