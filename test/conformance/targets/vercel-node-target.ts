import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchAt } from './spawn-server.ts';
import { importFresh } from './import-fresh.ts';
import type { Target } from './target.ts';
import { withProcessEnv } from './with-process-env.ts';

type VercelNodeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

const ENTRY = new URL('../../../src/entries/vercel-node.ts', import.meta.url).href;

/**
 * `src/entries/vercel-node.ts` called as Vercel's Node runtime calls a function,
 * `handler(req, res)` with node:http's request and response, on a real server. It
 * reads `process.env` on its first request, made while the configuration is in place.
 */
export const vercelNodeTarget: Target = {
  name: 'vercel function, Node runtime (src/entries/vercel-node.ts, (req, res) on node:http)',
  platform: 'vercel-node',
  base: '/health',
  drain: { kind: 'variable' },
  async start(env) {
    const module = await importFresh<{ default: VercelNodeHandler }>(ENTRY);
    const server = createServer((req, res) => void module.default(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const first = await withProcessEnv(env, () => fetchAt(origin, new Request('https://vercel.test/health/startup')));
    await first.body?.cancel();
    return {
      fetch: (request) => fetchAt(origin, request),
      stop: () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    };
  },
};
