import { ConfigError, createHealth, DrainSwitch, Lifecycle, takesLazyRequests, type Check, type CheckRunner, type FlagStore, type Handler, type Health, type HealthOptions, type InitTask, type ResultStore } from '../core/index.ts';
import { HealthMetrics, metricsEndpoint } from '../metrics/index.ts';
import { createHealthRouter, type HealthRouter } from '../router/index.ts';
import { statusBadge, statusPage } from '../status/index.ts';
import { built, EnvReader, type EnvSource } from './env-reader.ts';
import { bindingChecksFromEnv, type HyperdriveCheckLoader } from './bindings-from-env.ts';
import { dependencyChecksFromEnv } from './dependency-checks-from-env.ts';
import { httpChecksFromEnv } from './http-checks-from-env.ts';
import { resultKeepingFromEnv, type ResultKeeping } from './result-keeping-from-env.ts';
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
  /**
   * How check results are shared between isolates, given the periods the
   * environment configures: a store, a remote runner, and problems with the
   * sharing variables. @default this isolate's memory
   */
  share?: (periods: ResultPeriods) => ResultSharing;
  /** Where problems are logged (never with values). @default console.error */
  log?: (message: string) => void;
  /** Loads the Hyperdrive check, for `HEALTH_BINDINGS` kind `hyperdrive` (the Worker entry passes it). */
  loadHyperdrive?: HyperdriveCheckLoader;
}

/** How long results are reused (`HEALTH_CACHE_MS`) and served stale (`HEALTH_STALE_MS`). */
export interface ResultPeriods {
  freshMs: number;
  staleMs: number;
}

/** A way of sharing results: see `AppFromEnvOptions.share`. */
export interface ResultSharing {
  store?: ResultStore;
  runChecks?: CheckRunner;
  /**
   * True when a remote owner (a Durable Object) makes the runs: it, not this
   * isolate, damps flapping and posts status changes.
   */
  remoteOwner?: boolean;
  problems?: readonly string[];
}

export interface App {
  health: Health;
  /** The result periods the environment configures. */
  periods: ResultPeriods;
  router: HealthRouter;
  fetch: (request: Request) => Promise<Response>;
  /** Flap damping and status events, for whoever makes the runs (a Durable Object owner reads them here). */
  keeping: ResultKeeping;
  /** Stops the background refresh (`HEALTH_REFRESH_MS`), which otherwise runs as long as the process. */
  stopRefreshing: () => void;
  /** Configuration problems, one line each; empty when the configuration is valid. */
  problems: readonly string[];
}

/** Why 16: a shorter token can be guessed by anyone who can call the endpoint. */
export const MIN_DETAILS_TOKEN_LENGTH = 16;

/**
 * The deployable app: checks, version and base path from environment variables.
 * Invalid configuration never falls back to a default: it fails startup
 * (readiness and startup answer 503). The problems, each naming a variable and
 * never its value, are logged once; callers only learn that the configuration
 * is invalid, since the endpoint is public.
 */
export function createAppFromEnv(source: EnvSource, options: AppFromEnvOptions): App {
  const env = new EnvReader(source);
  const checks = [...dependencyChecksFromEnv(env), ...httpChecksFromEnv(env), ...bindingChecksFromEnv(env, source, options.loadHyperdrive), ...(options.checks ?? [])];
  const version = env.string('HEALTH_VERSION') ?? versionFromMetadata(source) ?? 'unknown';
  const base = basePath(env);
  const drain = new DrainSwitch({
    forced: env.boolean('HEALTH_DRAIN', false),
    ...(options.flags ? { store: options.flags } : {}),
    cacheMs: env.milliseconds('HEALTH_DRAIN_CACHE_MS', 10_000, { min: 1, max: 600_000 }),
  });
  const detailsToken = env.string('HEALTH_DETAILS_TOKEN');
  if (detailsToken !== undefined && detailsToken.length < MIN_DETAILS_TOKEN_LENGTH) {
    env.problems.push(`HEALTH_DETAILS_TOKEN must be at least ${MIN_DETAILS_TOKEN_LENGTH} characters long (until it is, the whole service answers 503).`);
  }
  const caching = cachingFromEnv(env, options.platform);
  const periods = { freshMs: caching.cacheMs ?? 0, staleMs: caching.staleMs ?? 0 };
  const sharing = options.share?.(periods) ?? {};
  const log = options.log ?? console.error;
  const remoteOwner = sharing.remoteOwner === true;
  const keeping = resultKeepingFromEnv(env, { platform: options.platform, remoteOwner, version, log });
  const problems = [...(options.problems ?? []), ...env.problems, ...(sharing.problems ?? [])];
  const lifecycle = new Lifecycle({ platform: options.platform, init: [validation(problems), ...(options.init ?? [])] });
  const metrics = new HealthMetrics();
  const authorize = detailsToken === undefined ? {} : { authorize: bearerMatches(detailsToken) };
  const healthOptions = {
    version,
    lifecycle,
    onReadiness: metrics.observe,
    ...(authorize.authorize ? { revealDetails: authorize.authorize } : {}),
    ...caching,
    ...(remoteOwner ? {} : keeping),
    ...(sharing.store ? { store: sharing.store } : {}),
    ...(sharing.runChecks ? { runChecks: sharing.runChecks } : {}),
    ...(options.initWaitMs === undefined ? {} : { initWaitMs: options.initWaitMs }),
    ...(options.locate ? { locate: options.locate } : {}),
  };
  // createHealth is the one judge of unique names; its error becomes a problem like any other.
  const judged = built(problems, String, () => createHealth({ ...healthOptions, checks }));
  const health = judged !== undefined && problems.length === 0 ? judged : createHealth(healthOptions);
  if (problems.length > 0) log(invalidConfigurationMessage(problems));
  const stopRefreshing = problems.length > 0 ? () => {} : health.startRefreshing();
  const page = statusPage(health, { base, history: metrics, ...authorize });
  const routes = { '/status': page, '/badge.svg': statusBadge(health), '/metrics': metricsEndpoint({ metrics, lifecycle, version, ...authorize }) };
  const router = createHealthRouter(health, { base, routes, navigation: page });
  const fetch: Handler = takesLazyRequests(async (request, context) => {
    await drain.apply(lifecycle);
    return router.fetch(request, context);
  });
  return { health, periods, router, fetch, keeping, stopRefreshing, problems };
}

const FREEZES_AFTER_RESPONSE = new Set(['aws-lambda', 'netlify-functions']);
const LONG_LIVED = new Set(['node', 'deno', 'bun']);

/** How readiness results are kept, shared and refreshed (see the README's "Probe economics"). */
function cachingFromEnv(env: EnvReader, platform: string): Partial<HealthOptions> {
  const optional = (name: string, max: number): number | undefined =>
    env.string(name) === undefined ? undefined : env.milliseconds(name, 0, { min: 1, max });
  const refreshMs = optional('HEALTH_REFRESH_MS', 3_600_000);
  if (refreshMs !== undefined && !LONG_LIVED.has(platform)) {
    env.problems.push('HEALTH_REFRESH_MS needs a long-lived process (Node, Deno or Bun); unset it here.');
  }
  const requestTimeoutMs = optional('HEALTH_REQUEST_TIMEOUT_MS', 60_000);
  return {
    cacheMs: env.milliseconds('HEALTH_CACHE_MS', 0, { min: 0, max: 60_000 }),
    staleMs: env.milliseconds('HEALTH_STALE_MS', 0, { min: 0, max: 3_600_000 }),
    // Why: a Lambda environment (Netlify Functions run on one) freezes after the response.
    staleRefresh: FREEZES_AFTER_RESPONSE.has(platform) ? 'before-answer' : 'background',
    ...(refreshMs === undefined ? {} : { refreshMs }),
    ...(requestTimeoutMs === undefined ? {} : { requestTimeoutMs }),
  };
}

/** The startup task that fails while the configuration is invalid, saying only that much. */
function validation(problems: readonly string[]): InitTask {
  return {
    name: 'configuration',
    run: () => {
      const n = problems.length;
      if (n > 0) throw new ConfigError(`invalid (${n} problem${n === 1 ? '' : 's'}; see the service log)`);
    },
  };
}

function basePath(env: EnvReader): string {
  const base = env.string('HEALTH_BASE_PATH') ?? '/health';
  if (base.startsWith('/')) return base;
  env.problems.push('HEALTH_BASE_PATH must start with "/" (e.g. /health).');
  return '/health';
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
