import type { Lifecycle } from './lifecycle.ts';
import type { HealthSummary } from './render.ts';

/** An answer before the version and the isolate's facts are added. */
export type Answer = Omit<HealthSummary, 'version' | 'isolate'>;

/** What the answers need to know of a lifecycle, as plain data (so the mapping is testable alone). */
export interface LifecycleView {
  state: Lifecycle['state'];
  reason: string | undefined;
  shuttingDown: boolean;
  alive: boolean;
  /** Milliseconds until a failed init is retried. */
  retryInMs: number;
}

export const viewOf = (lifecycle: Lifecycle, now = Date.now()): LifecycleView => ({
  state: lifecycle.state,
  reason: lifecycle.reason,
  shuttingDown: lifecycle.shuttingDown,
  alive: lifecycle.alive,
  retryInMs: Math.max(0, (lifecycle.retryAt ?? 0) - now),
});

const NO_DEPENDENCIES = { dependencies: [] } as const;

/**
 * The one mapping from lifecycle state to answer. For readiness, `undefined`
 * means "ready: run the checks".
 */
export function lifecycleAnswer(endpoint: 'live' | 'startup', view: LifecycleView): Answer;
export function lifecycleAnswer(endpoint: Answer['endpoint'], view: LifecycleView): Answer | undefined;
export function lifecycleAnswer(endpoint: Answer['endpoint'], view: LifecycleView): Answer | undefined {
  if (endpoint === 'live') return liveAnswer(view);
  if (endpoint === 'startup') return startupAnswer(view);
  return readyAnswer(view);
}

function liveAnswer({ alive, state, reason }: LifecycleView): Answer {
  if (alive) return { endpoint: 'live', status: 'healthy', httpStatus: 200, ...NO_DEPENDENCIES };
  const status = state === 'stopped' ? 'stopped' : 'failed';
  return { endpoint: 'live', status, httpStatus: 503, ...NO_DEPENDENCIES, message: reason ?? state };
}

function startupAnswer({ state, reason, retryInMs }: LifecycleView): Answer {
  const base = { endpoint: 'startup', httpStatus: 503, ...NO_DEPENDENCIES } as const;
  if (state === 'starting') return { ...base, status: 'starting', retryAfterS: 1 };
  if (state === 'failed') {
    const retryAfterS = Math.ceil(retryInMs / 1000);
    return { ...base, status: 'failed', message: `${reason ?? 'init failed'} (retry in ${retryAfterS} s)`, retryAfterS };
  }
  return { ...base, status: 'started', httpStatus: 200 };
}

function readyAnswer({ state, reason, shuttingDown, retryInMs }: LifecycleView): Answer | undefined {
  const base = { endpoint: 'ready', httpStatus: 503, ...NO_DEPENDENCIES } as const;
  switch (state) {
    case 'ready':
      return undefined;
    case 'starting':
      return { ...base, status: 'not_started', message: 'starting up', retryAfterS: 1 };
    case 'failed':
      return { ...base, status: 'not_started', message: `startup failed: ${reason ?? 'unknown'}`, retryAfterS: Math.ceil(retryInMs / 1000) };
    case 'draining':
      return shuttingDown
        ? { ...base, status: 'shutting_down', message: reason ?? 'shutting down' }
        : { ...base, status: 'draining', message: reason ?? 'draining' };
    case 'stopped':
      return { ...base, status: 'shutting_down', message: reason ?? 'stopped' };
  }
}
