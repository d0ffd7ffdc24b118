/**
 * Netlify Functions (v2): serves /health/* from the same app as every other platform.
 * Configure it with environment variables in the Netlify UI or `netlify env:set`.
 */
import { createAppFromEnv, type App } from '../../src/config/index.ts';

let app: App | undefined;

export default async (request: Request): Promise<Response> => {
  app ??= createAppFromEnv(process.env, { platform: 'netlify-functions', locate: () => process.env.AWS_REGION });
  return app.fetch(request);
};

export const config = { path: ['/health', '/health/*'] };
