/**
 * Netlify Edge Functions (Deno): serves /edge/health/* at the edge, beside the
 * Function on /health/*, so both can be compared.
 * Edge functions have a 50 ms CPU budget per request: checks wait on I/O, not CPU.
 */
import { createAppFromEnv, type App } from '../../src/config/index.ts';

declare const Netlify: { env: { toObject(): Record<string, string> } };

interface EdgeContext {
  server?: { region?: string };
}

let app: App | undefined;
const regions = new WeakMap<Request, string>();

export default async (request: Request, context?: EdgeContext): Promise<Response> => {
  app ??= createAppFromEnv(
    { ...Netlify.env.toObject(), HEALTH_BASE_PATH: '/edge/health' },
    { platform: 'netlify-edge', locate: (r) => regions.get(r) },
  );
  if (context?.server?.region) regions.set(request, context.server.region);
  return app.fetch(request);
};

export const config = { path: ['/edge/health', '/edge/health/*'] };
