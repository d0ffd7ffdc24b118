import { aggregate } from './aggregate.ts';
import { ConfigError } from './errors.ts';
import { Lifecycle } from './lifecycle.ts';
import { renderHealthJson, renderSeedJson, renderVerboseText, type HealthSummary } from './render.ts';
import { errorResponse, jsonResponse, respond } from './respond.ts';
import { notifyReadiness, type ReadinessObserver } from './readiness-observer.ts';
import { ResultCache } from './result-cache.ts';
import { runChecks } from './run-checks.ts';
import { selectChecks } from './select-checks.ts';
import type { Check, CheckReport } from './types.ts';

export interface HealthOptions {
  /** Dependency checks, run in parallel by readiness; listed in this order. */
  checks?: readonly Check[];
  /**
   * The service version shown in every answer.
   * @default 'unknown'
   */
  version?: string;
  /**
   * This isolate's lifecycle. Share one per isolate (module scope).
   * @default a new Lifecycle with no init tasks
   */
  lifecycle?: Lifecycle;
  /** Where the request was served (e.g. a Cloudflare colo), if the platform says. */
  locate?: (request: Request) => string | undefined;
  /**
   * How long readiness and startup wait for a running init before answering
   * 503 `not_started` / `starting`. Long where init runs lazily on the first
   * request (Workers: a cold isolate should not fail its first probe), short
   * where it runs at boot and probes have short timeouts (Node: 250).
   * @default 10000
   */
  initWaitMs?: number;
  /**
   * Reuse a selection's check results for this long (per isolate). 0 runs the
   * checks on every request. A reused answer carries an `Age` header (seconds).
   * @default 0
   */
  cacheMs?: number;
  /**
   * Include the isolate's facts (id, cold start, uptime, requests) in answers.
   * @default true
   */
  exposeIsolate?: boolean;
  /**
   * Whether this request may see each dependency's `message` and `details`
   * (already redacted). When it returns false, answers keep names, statuses,
   * categories, latencies and classified reasons: Kubernetes' "reason withheld".
   * @default every request may
   */
  revealDetails?: (request: Request) => boolean;
  /** Sees each readiness answer's reports (metrics, tracing); a throw is ignored. @default none */
  onReadiness?: ReadinessObserver;
}

/** A plain fetch-API handler: a `Request` in, a `Response` out. */
export type Handler = (request: Request) => Promise<Response>;

export interface Health {
  /** Liveness: never runs a dependency check. */
  live: Handler;
  /** Readiness: runs the checks (all, `?exclude=a,b`, or `only` one) and aggregates them. */
  ready: (request: Request, only?: string) => Promise<Response>;
  /** Startup: 503 until this isolate's init is done. */
  startup: Handler;
  readonly checks: readonly Check[];
  readonly lifecycle: Lifecycle;
}

/**
 * Builds the three health handlers over a set of checks.
 *
 * @example
 * ```ts
 * const health = createHealth({ checks: [httpCheck({ name: 'api', url: 'https://api.example.com/ping' })] });
 * const response = await health.ready(new Request('https://svc/health/ready'));
 * ```
 */
export function createHealth(options: HealthOptions = {}): Health {
  const checks = [...(options.checks ?? [])];
  const seen = new Set<string>();
  for (const check of checks) {
    if (seen.has(check.name)) throw new ConfigError(`Two checks are named "${check.name}": names must be unique.`);
    seen.add(check.name);
  }
  const version = options.version ?? 'unknown';
  const lifecycle = options.lifecycle ?? new Lifecycle();
  const exposeIsolate = options.exposeIsolate ?? true;
  const initWaitMs = options.initWaitMs ?? 10_000;
  const cache = new ResultCache(options.cacheMs ?? 0);

  const started = async (): Promise<void> => {
    const init = lifecycle.ensureStarted();
    if (lifecycle.state !== 'starting') return init;
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([init, new Promise<void>((resolve) => (timer = setTimeout(resolve, initWaitMs)))]);
    clearTimeout(timer);
  };

  const visit = async (
    request: Request,
    answer: (coldStart: boolean) => Promise<Omit<HealthSummary, 'version' | 'isolate'>>,
  ): Promise<Response> => {
    const counted = lifecycle.visit(request);
    const own = counted === undefined ? lifecycle.enter(request) : undefined;
    try {
      const coldStart = counted ?? own?.coldStart ?? false;
      const partial = await answer(coldStart);
      const summary: HealthSummary = { ...partial, version };
      if (options.revealDetails && !options.revealDetails(request)) summary.dependencies = summary.dependencies.map(withheld);
      if (exposeIsolate) summary.isolate = lifecycle.facts(coldStart, options.locate?.(request));
      return render(request, summary);
    } finally {
      own?.leave();
    }
  };

  const notReady = (): Omit<HealthSummary, 'version' | 'isolate'> | undefined => {
    const base = { endpoint: 'ready' as const, httpStatus: 503, dependencies: [] };
    switch (lifecycle.state) {
      case 'ready':
        return undefined;
      case 'starting':
        return { ...base, status: 'not_started', message: 'starting up' };
      case 'failed':
        return { ...base, status: 'not_started', message: `startup failed: ${lifecycle.reason ?? 'unknown'}` };
      case 'draining':
        return lifecycle.shuttingDown
          ? { ...base, status: 'shutting_down', message: lifecycle.reason ?? 'shutting down' }
          : { ...base, status: 'draining', message: lifecycle.reason ?? 'draining' };
      case 'stopped':
        return { ...base, status: 'shutting_down', message: lifecycle.reason ?? 'stopped' };
    }
  };

  const live: Handler = (request) =>
    visit(request, async () =>
      lifecycle.alive
        ? { endpoint: 'live', status: 'healthy', httpStatus: 200, dependencies: [] }
        : {
            endpoint: 'live',
            status: lifecycle.state === 'stopped' ? 'stopped' : 'failed',
            httpStatus: 503,
            dependencies: [],
            message: lifecycle.reason ?? lifecycle.state,
          },
    );

  const ready = async (request: Request, only?: string): Promise<Response> => {
    const selection = selectChecks(checks, new URL(request.url).searchParams, only);
    if (!selection.ok) return errorResponse(selection.httpStatus, selection.error);
    return visit(request, async () => {
      await started();
      const blocked = notReady();
      if (blocked) return blocked;
      const key = selection.checks.map((check) => check.name).join('\n');
      const startedAt = Date.now();
      const { reports, ageMs } = await cache.get(key, () => runChecks(selection.checks, request.signal));
      notifyReadiness(options.onReadiness, { reports, startedAt, durationMs: Date.now() - startedAt, ...(ageMs === undefined ? {} : { ageMs }) });
      const verdict = aggregate(reports);
      return {
        endpoint: 'ready',
        status: verdict.status,
        httpStatus: verdict.httpStatus,
        dependencies: reports,
        ...(verdict.message === undefined ? {} : { message: verdict.message }),
        ...(ageMs === undefined ? {} : { ageMs }),
      };
    });
  };

  const startup: Handler = (request) =>
    visit(request, async () => {
      await started();
      const state = lifecycle.state;
      if (state === 'starting') {
        return { endpoint: 'startup', status: 'starting', httpStatus: 503, dependencies: [] };
      }
      if (state === 'failed') {
        const retryIn = Math.max(0, (lifecycle.retryAt ?? 0) - Date.now());
        return {
          endpoint: 'startup',
          status: 'failed',
          httpStatus: 503,
          dependencies: [],
          message: `${lifecycle.reason ?? 'init failed'} (retry in ${Math.ceil(retryIn / 1000)} s)`,
        };
      }
      return { endpoint: 'startup', status: 'started', httpStatus: 200, dependencies: [] };
    });

  return { live, ready, startup, checks, lifecycle };
}

/** A report without its free-text message and details; the classified reason stays. */
function withheld({ message: _message, details: _details, ...report }: CheckReport): CheckReport {
  return report;
}

function render(request: Request, summary: HealthSummary): Response {
  const response = renderBody(request, summary);
  if (summary.ageMs !== undefined) response.headers.set('Age', String(Math.floor(summary.ageMs / 1000)));
  return response;
}

function renderBody(request: Request, summary: HealthSummary): Response {
  const params = new URL(request.url).searchParams;
  if (params.has('verbose')) return respond(renderVerboseText(summary), summary.httpStatus, 'text/plain; charset=utf-8');
  if (request.headers.get('Accept')?.includes('application/health+json')) {
    return jsonResponse(renderHealthJson(summary, new Date().toISOString()), summary.httpStatus, 'application/health+json');
  }
  return jsonResponse(renderSeedJson(summary), summary.httpStatus);
}
