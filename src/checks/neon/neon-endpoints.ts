import { neonConfig } from '@neondatabase/serverless';

type EndpointFn = (host: string, port: number | string, options?: { jwtAuth?: boolean }) => string;

const overrides = new Map<string, string>();
let original: EndpointFn | string | undefined;

const key = (host: string, port: number | string | undefined): string => `${host}:${port ?? ''}`;

/**
 * Sends the SQL-over-HTTP queries for one database `host` (and `port`, when the
 * connection string names one) to `endpoint`, e.g. a local Neon-compatible
 * gateway, leaving every other database alone.
 *
 * Why global: `@neondatabase/serverless` reads `fetchEndpoint` only from its
 * global `neonConfig`, so per-host routing is the narrowest change possible.
 */
export function routeNeonHost(host: string, endpoint: string, port?: number | string): void {
  if (original === undefined) {
    original = neonConfig.fetchEndpoint as EndpointFn | string;
    neonConfig.fetchEndpoint = (h: string, p: number | string, options?: { jwtAuth?: boolean }) => {
      const routed = overrides.get(key(h, p)) ?? overrides.get(key(h, undefined));
      if (routed) return routed;
      const fallback = original as EndpointFn | string;
      return typeof fallback === 'function' ? fallback(h, p, options) : fallback;
    };
  }
  overrides.set(key(host, port), endpoint);
}
