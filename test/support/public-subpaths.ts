/**
 * Every public subpath of the package and the functions it must export: the one
 * list the package tests (plain Node, the packed tarball in Node, Deno, Bun and a
 * Worker bundle) read. `node: true` marks subpaths that need node:http, left out of
 * the Worker bundle.
 */
export const PUBLIC_SUBPATHS: Readonly<Record<string, { exports: readonly string[]; node?: true }>> = {
  'edge-health': { exports: ['createHealth', 'defineCheck', 'runChecks', 'Lifecycle', 'DrainSwitch', 'redact'] },
  'edge-health/router': { exports: ['createHealthRouter'] },
  'edge-health/checks/http': { exports: ['httpCheck'] },
  'edge-health/checks/neon': { exports: ['neonCheck', 'routeNeonHost'] },
  'edge-health/checks/upstash': { exports: ['upstashCheck'] },
  'edge-health/adapters/lambda': { exports: ['handle', 'toRequest', 'toResult'] },
  'edge-health/adapters/cloudflare': { exports: ['CacheApiStore', 'DurableObjectShare', 'healthOwnerClass', 'shareFromEnv'] },
  'edge-health/adapters/node': { exports: ['serve', 'toRequest', 'writeResponse'], node: true },
  'edge-health/config': { exports: ['createAppFromEnv', 'EnvReader'] },
  'edge-health/events': { exports: ['statusWebhook'] },
  'edge-health/status': { exports: ['statusPage', 'statusBadge'] },
  'edge-health/metrics': { exports: ['HealthMetrics', 'metricsEndpoint'] },
  'edge-health/otel': { exports: ['readinessTracing'] },
  'edge-health/hono': { exports: ['healthApp'] },
  'edge-health/express': { exports: ['healthMiddleware'], node: true },
  'edge-health/fastify': { exports: ['healthPlugin'], node: true },
  'edge-health/next': { exports: ['healthRoutes'] },
};

/** The subpaths and exports a runtime can load, as `{ subpath: names }`. */
export function expectedExports(runtime: 'node' | 'worker'): Record<string, string[]> {
  const entries = Object.entries(PUBLIC_SUBPATHS).filter(([, { node }]) => runtime === 'node' || !node);
  return Object.fromEntries(entries.map(([subpath, { exports }]) => [subpath, [...exports]]));
}

/**
 * An ES module that imports each subpath and prints, as JSON, which of the
 * expected names it found to be functions: the same text for Node, Deno and Bun.
 */
export function exportsProbe(expected: Record<string, string[]>): string {
  return `const expected = ${JSON.stringify(expected)};
const found = {};
for (const [subpath, names] of Object.entries(expected)) {
  const module = await import(subpath);
  found[subpath] = names.filter((name) => typeof module[name] === 'function');
}
console.log(JSON.stringify(found));
`;
}
