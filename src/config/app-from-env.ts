import { ConfigError, createHealth, DrainSwitch, Lifecycle, takesLazyRequests, type Check, type FlagStore, type Health, type InitTask } from '../core/index.ts';
import { createHealthRouter, type HealthRouter } from '../router/index.ts';
import { EnvReader, type EnvSource } from './env-reader.ts';
import { bindingChecksFromEnv } from './bindings-from-env.ts';
import { dependencyChecksFromEnv } from './dependency-checks-from-env.ts';
import { httpChecksFromEnv } from './http-checks-from-env.ts';
import { invalidConfigurationMessage } from './server-settings-from-env.ts';

export interface AppFromEnvOptions {
  /** e.g. `cloudflare-workers`, `aws-lambda`, `node`. */
  platform: string;
  /** Where the platform says a request was served. */
  locate?: (request: Request) => string | undefined;
  /** Extra startup tasks, run after configuration is validated. */
  init?: readonly InitTask[];
  /** Extra checks, after the ones the environment configures. */
  checks?: readonly Check[];
  /** How long readiness and startup wait for a running init (see `HealthOptions`). */
  initWaitMs?: number;
  /** A flag store for the drain switch (a Workers KV namespace bound as `HEALTH_FLAGS`). */
  flags?: FlagStore;
  /** Problems the caller already found in the environment (its own variables). */
  problems?: readonly string[];
  /** Where problems are logged (never with values). @default console.error */
  log?: (message: string) => void;
}

export interface App {
  health: Health;
  router: HealthRouter;
  fetch: (request: Request) => Promise<Response>;
  /** Configuration problems, one line each; empty when the configuration is valid. */
  problems: readonly string[];
}

/**
 * The deployable app: checks, version and base path from environment variables.
 * Invalid configuration never falls back to a default: it fails startup with a
 * message naming each variable (readiness and startup answer 503).
 */
export function createAppFromEnv(source: EnvSource, options: AppFromEnvOptions): App {
  const env = new EnvReader(source);
  const checks = [...dependencyChecksFromEnv(env), ...httpChecksFromEnv(env), ...bindingChecksFromEnv(env, source), ...(options.checks ?? [])];
  const names = new Set<string>();
  for (const { name } of checks) {
    if (names.has(name)) env.problems.push(`Two checks are named ${JSON.stringify(name)}: give each a unique name.`);
    names.add(name);
  }
  const version = env.string('HEALTH_VERSION') ?? versionFromMetadata(source) ?? 'unknown';
  const base = env.string('HEALTH_BASE_PATH') ?? '/health';
  if (!base.startsWith('/')) env.problems.push(`HEALTH_BASE_PATH must start with "/" (got ${JSON.stringify(base)}).`);

  const drain = new DrainSwitch({
    forced: env.boolean('HEALTH_DRAIN', false),
    ...(options.flags ? { store: options.flags } : {}),
    cacheMs: env.milliseconds('HEALTH_DRAIN_CACHE_MS', 10_000, 600_000),
  });
  const detailsToken = env.string('HEALTH_DETAILS_TOKEN');
  if (detailsToken !== undefined && detailsToken.length < 16) env.problems.push('HEALTH_DETAILS_TOKEN must be at least 16 characters long.');
  const cacheMs = env.string('HEALTH_CACHE_MS') === '0' ? 0 : env.milliseconds('HEALTH_CACHE_MS', 0, 60_000);
  const problems = [...(options.problems ?? []), ...env.problems];
  const validate: InitTask = {
    name: 'configuration',
    run: () => {
      if (problems.length > 0) throw new ConfigError(problems.join(' '));
    },
  };
  if (problems.length > 0) (options.log ?? console.error)(invalidConfigurationMessage(problems));

  const lifecycle = new Lifecycle({ platform: options.platform, init: [validate, ...(options.init ?? [])] });
  const health = createHealth({
    checks: problems.length > 0 ? [] : checks,
    version,
    lifecycle,
    ...(detailsToken === undefined ? {} : { revealDetails: bearerMatches(detailsToken) }),
    cacheMs,
    ...(options.initWaitMs === undefined ? {} : { initWaitMs: options.initWaitMs }),
    ...(options.locate ? { locate: options.locate } : {}),
  });
  const router = createHealthRouter(health, { base: base.startsWith('/') ? base : '/health' });
  const fetch = takesLazyRequests(async (request: Request): Promise<Response> => {
    await drain.apply(lifecycle);
    return router.fetch(request);
  });
  return { health, router, fetch, problems };
}

/** True when the request carries `Authorization: Bearer <token>`; compared in constant time. */
function bearerMatches(token: string): (request: Request) => boolean {
  const expected = new TextEncoder().encode(token);
  return (request) => {
    const header = request.headers.get('Authorization') ?? '';
    const given = new TextEncoder().encode(header.startsWith('Bearer ') ? header.slice(7) : '');
    let difference = given.length ^ expected.length;
    for (let i = 0; i < expected.length; i += 1) difference |= (given[i] ?? 0) ^ (expected[i] ?? 0);
    return difference === 0;
  };
}

function versionFromMetadata(source: EnvSource): string | undefined {
  const metadata = source.CF_VERSION_METADATA;
  if (typeof metadata === 'object' && metadata !== null && typeof (metadata as { id?: unknown }).id === 'string') {
    return (metadata as { id: string }).id;
  }
  return undefined;
}
