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

process.once('SIGTERM', () => {
  lifecycle.shutdown('received SIGTERM');
  void lifecycle.idle().then(() => {
    lifecycle.stop('received SIGTERM');
    console.log('edge-health: stopped');
    process.exit(0);
  });
});

export const handler = handle(app.fetch, {
  onError: (error, info) =>
    console.error(`edge-health: handler failed (request ${info.requestId ?? 'unknown'}): ${redact(error instanceof Error ? error.message : String(error))}`),
});
