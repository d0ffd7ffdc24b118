import { neonConfig } from '@neondatabase/serverless';

type EndpointFn = (host: string, port: number | string, options?: { jwtAuth?: boolean }) => string;

const overrides = new Map<string, string>();
let original: EndpointFn | string | undefined;

/**
 * Sends the SQL-over-HTTP queries for one database host to `endpoint`
 * (e.g. a local Neon-compatible gateway), leaving every other host alone.
 *
 * Why global: `@neondatabase/serverless` reads `fetchEndpoint` only from its
 * global `neonConfig`, so per-host routing is the narrowest change possible.
 */
export function routeNeonHost(host: string, endpoint: string): void {
  if (original === undefined) {
    original = neonConfig.fetchEndpoint as EndpointFn | string;
    neonConfig.fetchEndpoint = (h: string, port: number | string, options?: { jwtAuth?: boolean }) => {
      const routed = overrides.get(h);
      if (routed) return routed;
      const fallback = original as EndpointFn | string;
      return typeof fallback === 'function' ? fallback(h, port, options) : fallback;
    };
  }
  overrides.set(host, endpoint);
}
