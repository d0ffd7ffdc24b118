/**
 * A Lambda execution environment on this machine: lambda-local runs the built
 * bundle (`process.argv[2]`) for each event POSTed here, one invocation at a
 * time as Lambda does, and answers with the handler's result.
 *
 * Why not `lambda-local --watch`: it refuses ECMAScript modules.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import lambdaLocal from 'lambda-local';

const bundle = process.argv[2];
if (!bundle) throw new Error('usage: lambda-local-runner.ts <bundle.mjs>');

let queue: Promise<unknown> = Promise.resolve();

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const invocation = queue.then(() =>
      lambdaLocal.execute({
        event: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown,
        lambdaPath: bundle,
        lambdaHandler: 'handler',
        esm: true,
        timeoutMs: 10_000,
        verboseLevel: 0,
      }),
    );
    queue = invocation.catch(() => {});
    invocation.then(
      (result) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(result));
      },
      (error: unknown) => {
        response.writeHead(502, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
      },
    );
  });
});

server.listen(0, '127.0.0.1', () => {
  console.log(`lambda-local: listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
