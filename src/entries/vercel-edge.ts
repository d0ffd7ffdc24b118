/**
 * A Vercel Function on the Edge runtime: `(request) => Response`, configuration
 * from `process.env` (which the Edge runtime provides), read on the first request.
 * Deploy: `api/health.ts` re-exports it with `config` (see the README).
 * @module
 */
import { createAppFromEnv, type App } from '../config/index.ts';

export const config = { runtime: 'edge' };

let app: App | undefined;

export default function handler(request: Request): Promise<Response> {
  app ??= createAppFromEnv(process.env, { platform: 'vercel-edge' });
  return app.fetch(request);
}
