import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeConformance } from './describe-conformance.ts';
import { LAMBDA_EVENT_LABELS, lambdaContext, type LambdaEventKind } from './targets/lambda-events.ts';
import { lambdaTarget, loadBundle, type LambdaHandler } from './targets/lambda-target.ts';
import { withProcessEnv } from './targets/with-process-env.ts';

for (const kind of Object.keys(LAMBDA_EVENT_LABELS) as LambdaEventKind[]) describeConformance(lambdaTarget(kind));

describe('lambda (dist/lambda/index.mjs) and events that are no HTTP request', () => {
  const fixture = (file: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/lambda/${file}`, import.meta.url), 'utf8'));
  let handler: LambdaHandler;
  beforeAll(async () => {
    handler = await withProcessEnv({ HEALTH_VERSION: '1.0.0' }, loadBundle);
  });

  it.each([
    ['sqs.json', 'an SQS event'],
    ['s3-put.json', 'an S3 event'],
    ['eventbridge-scheduled.json', 'an EventBridge scheduled event'],
    ['config.json', 'an AWS Config rule event'],
  ])('fails the invocation for %s, naming %s, so the trigger retries instead of losing it', async (file, kind) => {
    await expect(handler(fixture(file), lambdaContext())).rejects.toMatchObject({
      name: 'LambdaEventError',
      code: 'not_http',
      message: expect.stringContaining(`edge-health received ${kind}; it serves HTTP events only`) as unknown,
    });
  });

  it('answers an AWS console test event with placeholder hosts, and TRACE with 405', async () => {
    const console = fixture('function-url-console.json') as { rawPath: string; requestContext: { http: { method: string } } };
    console.rawPath = '/health/live';
    console.requestContext.http.method = 'GET';
    await expect(handler(console, lambdaContext())).resolves.toMatchObject({ statusCode: 200 });
    console.requestContext.http.method = 'TRACE';
    await expect(handler(console, lambdaContext())).resolves.toMatchObject({ statusCode: 405, headers: { allow: 'GET, HEAD' } });
  });
});
