import { aggregate } from './aggregate.ts';
import { raceDeadline } from './deadline.ts';
import { MAX_TIMEOUT_MS } from './define-check.ts';
import { ConfigError } from './errors.ts';
import { FlapDamper, type DampingOptions } from './flap-damper.ts';
import { Lifecycle } from './lifecycle.ts';
import { lifecycleAnswer, viewOf, type Answer } from './lifecycle-answer.ts';
import { renderResponse, type HealthSummary } from './render.ts';
import { requestBudget } from './request-budget.ts';
import { errorResponse } from './respond.ts';
import { notifyReadiness, type ReadinessObserver } from './readiness-observer.ts';
import { ResultCache, type Caller, type StatusChange } from './result-cache.ts';
import type { CheckRunner, ResultStore } from './result-store.ts';
import { selectChecks } from './select-checks.ts';
import { lightAnswers, searchParamsOf } from './shortcuts.ts';
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
   * Reuse a selection's check results for this long. 0 runs the checks for
   * every request, except that requests arriving while a run is in flight
   * share it. A reused answer carries an `Age` header (seconds).
   * @default 0
   */
  cacheMs?: number;
  /**
   * How much longer than `cacheMs` a result may still be served, at once, while
   * one refresh runs (stale-while-revalidate). 0 serves nothing stale.
   * @default 0
   */
  staleMs?: number;
  /**
   * How a stale result is refreshed: `background` (answer at once; the refresh
   * goes to `waitUntil` where the platform has one), or `before-answer` for
   * platforms that freeze after the response and have no `waitUntil` (Lambda).
   * @default 'background'
   */
  staleRefresh?: 'background' | 'before-answer';
  /**
   * Flap damping per check: `failures` failures in a row before a check that
   * was up is reported unhealthy, `successes` successes before one that was
   * down is up again; a held verdict carries `damping` in the body. Counted per
   * run where runs are made, never per probe.
   * @default none
   */
  damping?: DampingOptions;
  /**
   * Called once per change of a check's reported status (not per probe), by
   * whoever makes the run: a probe's run or the background refresh. A listener
   * that throws never affects an answer.
   */
  onStatusChange?: (change: StatusChange) => void;
  /**
   * Long-lived runtimes (Node, Deno, Bun): run every check this often in the
   * background, so that with `cacheMs` at least as long, no probe waits on a
   * dependency. Started by {@link Health.startRefreshing}.
   * @default none
   */
  refreshMs?: number;
  /**
   * The most a readiness answer may take, in milliseconds: checks unfinished by
   * then are reported as timed out (the run goes on for later callers). A caller
   * may ask for less with `?timeout=` (ms, or `2s`).
   * @default no budget: the slowest check's own deadline bounds the answer
   */
  requestTimeoutMs?: number;
  /**
   * Where finished runs are kept: a store shared by isolates (per location, per
   * deployment) makes them share one run per period.
   * @default this isolate's memory
   */
  store?: ResultStore;
  /**
   * Runs a selection of checks: replace it to have a remote owner run them
   * (e.g. a Durable Object), so that one run serves the whole deployment.
   * @default the checks run here, in parallel, each under its deadline
   */
  runChecks?: CheckRunner;
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

/** What a platform offers a request beyond the request itself (Workers' `ctx`, Netlify's `context`). */
export interface RequestContext {
  /** Keeps `promise` running after the response is sent, so shared work outlives the request that started it. */
  waitUntil(promise: Promise<unknown>): void;
}

/** A plain fetch-API handler: a `Request` in, a `Response` out. */
export type Handler = (request: Request, context?: RequestContext) => Promise<Response>;

export interface Health {
  /** Liveness: never runs a dependency check. */
  live: Handler;
  /** Readiness: runs the checks (all, `?exclude=a,b`, or `only` one) and aggregates them. */
  ready: (request: Request, context?: RequestContext, only?: string) => Promise<Response>;
  /** Startup: 503 until this isolate's init is done. */
  startup: Handler;
  /**
   * Starts the background refresh every `refreshMs` (a no-op without it); returns
   * a stop function. Never at global scope on Workers, which forbid timers there.
   */
  startRefreshing(): () => void;
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
  const checks = uniquelyNamed(options.checks ?? []);
  const lifecycle = options.lifecycle ?? new Lifecycle();
  const cache = new ResultCache({
    freshMs: options.cacheMs ?? 0,
    staleMs: options.staleMs,
    staleRefresh: options.staleRefresh,
    store: options.store,
    runChecks: options.runChecks,
    damper: options.damping ? new FlapDamper(options.damping) : undefined,
    onStatusChange: options.onStatusChange,
  });
  const reply = replier(lifecycle, options);
  const allKey = selectionKey(checks);
  const started = (): Promise<void> => waitForInit(lifecycle, options.initWaitMs ?? 10_000);

  const live: Handler = async (request) => reply(request, lifecycleAnswer('live', viewOf(lifecycle)));

  const ready = async (request: Request, context?: RequestContext, only?: string): Promise<Response> => {
    const arrived = Date.now();
    const params = searchParamsOf(request);
    const selection = selectChecks(checks, params, only);
    if (!selection.ok) return errorResponse(selection.httpStatus, selection.error);
    const budget = requestBudget(params, options.requestTimeoutMs, MAX_TIMEOUT_MS);
    if (!budget.ok) return errorResponse(400, budget.error);
    await started();
    const blocked = lifecycleAnswer('ready', viewOf(lifecycle));
    if (blocked) return reply(request, blocked);
    const startedAt = Date.now();
    const key = selection.checks === checks ? allKey : selectionKey(selection.checks);
    const waitMs = budget.ms === undefined ? undefined : Math.max(0, budget.ms - (Date.now() - arrived));
    const { reports, ageMs } = await cache.get(key, selection.checks, new RequestCaller(request, budget.ms, waitMs, waitUntilOf(context)));
    if (options.onReadiness) notifyReadiness(options.onReadiness, { reports, startedAt, durationMs: Date.now() - startedAt, ...(ageMs === undefined ? {} : { ageMs }) });
    const sharing = cache.sharing;
    return reply(request, { ...verdictAnswer(reports, ageMs), ...(sharing === undefined ? {} : { sharing }) });
  };

  const startup: Handler = async (request) => {
    await started();
    return reply(request, lifecycleAnswer('startup', viewOf(lifecycle)));
  };

  const startRefreshing = (): (() => void) => {
    const everyMs = options.refreshMs;
    if (everyMs === undefined) return () => {};
    const refresh = (): void => void (lifecycle.state === 'ready' ? cache.refresh(allKey, checks) : undefined);
    const timer = setInterval(refresh, everyMs);
    // Why unref where the runtime has it: the refresh alone must not keep a process alive.
    (timer as { unref?: () => void }).unref?.();
    refresh();
    return () => clearInterval(timer);
  };

  return { live, ready, startup, startRefreshing, checks, lifecycle };
}

/**
 * A readiness request as the result cache's caller, its signal read only if
 * the answer waits on I/O. Why a class and not an object literal with
 * `get signal()`: V8 gives each such literal a hidden class of its own, kept in
 * old space, which holds the request reachable through young-generation
 * collections: under load on Node every request's objects were promoted
 * (140 MB per 60,000 cached probes) and collecting them cost more than the answer.
 */
class RequestCaller implements Caller {
  readonly #request: Request;
  constructor(
    request: Request,
    readonly budgetMs: number | undefined,
    readonly waitMs: number | undefined,
    readonly waitUntil: ((promise: Promise<unknown>) => void) | undefined,
  ) {
    this.#request = request;
  }

  get signal(): AbortSignal {
    return this.#request.signal;
  }
}

/**
 * The platform's `waitUntil`, bound to its context (Workers throw "Illegal
 * invocation" otherwise). Why the type test: servers that call handlers with a
 * second argument of their own (Deno's `info`, Bun's `server`) hand over no such method.
 */
function waitUntilOf(context: RequestContext | undefined): ((promise: Promise<unknown>) => void) | undefined {
  if (typeof context?.waitUntil !== 'function') return undefined;
  return (promise) => context.waitUntil(promise);
}

const selectionKey = (checks: readonly Check[]): string => checks.map((check) => check.name).join('\n');

function uniquelyNamed(checks: readonly Check[]): Check[] {
  const seen = new Set<string>();
  for (const check of checks) {
    if (seen.has(check.name)) throw new ConfigError(`Two checks are named "${check.name}": names must be unique.`);
    seen.add(check.name);
  }
  return [...checks];
}

/**
 * Waits for a running init, but no longer than `waitMs`: a probe must get an answer.
 * Why not async: once started, the init's own settled promise is the answer, with no more layers.
 */
function waitForInit(lifecycle: Lifecycle, waitMs: number): Promise<void> {
  const init = lifecycle.ensureStarted();
  if (lifecycle.state !== 'starting') return init;
  return raceDeadline(init, { ms: waitMs, onTimeout: () => undefined });
}

function verdictAnswer(reports: CheckReport[], ageMs: number | undefined): Answer {
  const verdict = aggregate(reports);
  return {
    endpoint: 'ready',
    status: verdict.status,
    httpStatus: verdict.httpStatus,
    dependencies: reports,
    ...(verdict.message === undefined ? {} : { message: verdict.message }),
    ...(ageMs === undefined ? {} : { ageMs }),
  };
}

/** Completes an answer with the version, the details policy and the isolate's facts, then renders it. */
function replier(lifecycle: Lifecycle, options: HealthOptions): (request: Request, answer: Answer) => Response {
  const version = options.version ?? 'unknown';
  return (request, answer) => {
    const summary: HealthSummary = { ...answer, version };
    if (options.revealDetails && !options.revealDetails(request)) summary.dependencies = summary.dependencies.map(withheld);
    if (options.exposeIsolate ?? true) {
      summary.isolate = lifecycle.facts(lifecycle.requests.isColdStart(request), options.locate?.(request));
    }
    return lightAnswers(request, () => renderResponse(request, summary));
  };
}

/** A report without its free-text message and details; the classified reason stays. */
function withheld({ message: _message, details: _details, ...report }: CheckReport): CheckReport {
  return report;
}
