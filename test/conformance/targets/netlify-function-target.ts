import { importFresh } from './import-fresh.ts';
import type { Target } from './target.ts';
import { withProcessEnv } from './with-process-env.ts';

type NetlifyFunction = (request: Request, context: unknown) => Promise<Response>;

const FUNCTION = new URL('../../../netlify/functions/health.mts', import.meta.url).href;

/**
 * The Netlify Function `netlify/functions/health.mts`, imported here and called
 * as Netlify calls it, `(request, context)`. It reads `process.env` on its first
 * request, so that request is made while the configuration is in place.
 */
export const netlifyFunctionTarget: Target = {
  name: 'netlify function (netlify/functions/health.mts in-process)',
  platform: 'netlify-functions',
  base: '/health',
  drain: { kind: 'variable' },
  async start(env) {
    const module = await importFresh<{ default: NetlifyFunction }>(FUNCTION);
    const health = module.default;
    const context = { site: { name: 'edge-health' }, deploy: { context: 'production' } };
    const first = await withProcessEnv(env, () => health(new Request('https://site.netlify.app/health/startup'), context));
    await first.body?.cancel();
    return { fetch: (request) => health(request, context), stop: async () => {} };
  },
};
