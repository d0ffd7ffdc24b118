/**
 * A Vercel Function on the Node runtime, in its documented `(req, res)` handler
 * signature, over the Node adapter. Configuration from `process.env`, read on the
 * first request. Deploy: `api/health.ts` re-exports it (see the README).
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { toRequest, writeResponse } from '../adapters/node/index.ts';
import { createAppFromEnv, type App } from '../config/index.ts';

let app: App | undefined;

export default async function handler(req: IncomingMessage, res: ServerResponse): Promise<void> {
  app ??= createAppFromEnv(process.env, { platform: 'vercel-node' });
  const request = toRequest(req, res);
  // A Response already: the 4xx for a request no fetch Request can carry (TRACE, a bad Host).
  await writeResponse(request instanceof Response ? request : await app.fetch(request), res);
}
