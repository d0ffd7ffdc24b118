import { fromLambdaResult, toLambdaEvent } from './lambda-events.ts';
import { LAMBDA_BUNDLE } from './lambda-target.ts';
import { root, spawnServer } from './spawn-server.ts';
import type { Target } from './target.ts';

/**
 * The built bundle under lambda-local, in a child process that lives as long as
 * an execution environment: loaded on the first invocation, then invoked with
 * HTTP API (v2) events, the payload lambda-local's own watch mode speaks.
 */
export const lambdaLocalTarget: Target = {
  name: 'lambda (dist/lambda/index.mjs under lambda-local)',
  platform: 'aws-lambda',
  base: '/health',
  // lambda-local sets AWS_REGION as Lambda does; the function reports it as its location.
  location: 'us-east-1',
  drain: { kind: 'sigterm-after-invocation', env: {} },
  async start(env) {
    const runner = await spawnServer(process.execPath, ['--import', 'tsx', `${root}test/conformance/targets/lambda-local-runner.ts`, LAMBDA_BUNDLE], env, {
      listening: /lambda-local: listening on (http:\/\/\S+)/,
    });
    return {
      ...runner,
      async fetch(request) {
        const event = await toLambdaEvent('api-gateway-v2', request);
        const invoked = await runner.fetch(new Request('http://runner/invoke', { method: 'POST', body: JSON.stringify(event) }));
        if (invoked.status !== 200) throw new Error(`lambda-local failed: ${await invoked.text()}`);
        return fromLambdaResult('api-gateway-v2', event, await invoked.json());
      },
    };
  },
};
