// edge-health in workerd with three no-op checks; `CACHE_MS` sets the per-isolate cache.
import { createHealth, defineCheck } from '../../../src/core/index.ts';
import { createHealthRouter } from '../../../src/router/index.ts';

let router: { fetch(request: Request): Promise<Response> } | undefined;

export default {
  fetch(request: Request, env: { CACHE_MS?: string }): Promise<Response> {
    router ??= createHealthRouter(
      createHealth({
        cacheMs: Number(env.CACHE_MS ?? 0),
        checks: ['db', 'cache', 'api'].map((name) => defineCheck({ name, run: () => ({ status: 'healthy' }) })),
      }),
    );
    return router.fetch(request);
  },
};
