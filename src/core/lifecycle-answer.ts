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

/** What a state answers: its status, and whatever differs from a 503 with no dependencies. */
type Verdict = Pick<Answer, 'status'> & Partial<Pick<Answer, 'httpStatus' | 'message' | 'retryAfterS'>>;

/**
 * The one mapping from lifecycle state to answer. For readiness, `undefined`
 * means "ready: run the checks".
 */
export function lifecycleAnswer(endpoint: 'live' | 'startup', view: LifecycleView): Answer;
export function lifecycleAnswer(endpoint: Answer['endpoint'], view: LifecycleView): Answer | undefined;
export function lifecycleAnswer(endpoint: Answer['endpoint'], view: LifecycleView): Answer | undefined {
  const verdict = endpoint === 'live' ? liveVerdict(view) : endpoint === 'startup' ? startupVerdict(view) : readyVerdict(view);
  return verdict && { endpoint, httpStatus: 503, dependencies: [], ...verdict };
}

function liveVerdict({ alive, state, reason }: LifecycleView): Verdict {
  if (alive) return { status: 'healthy', httpStatus: 200 };
  return { status: state === 'stopped' ? 'stopped' : 'failed', message: reason ?? state };
}

function startupVerdict({ state, reason, retryInMs }: LifecycleView): Verdict {
  if (state === 'starting') return { status: 'starting', retryAfterS: 1 };
  if (state === 'failed') {
    const retryAfterS = Math.ceil(retryInMs / 1000);
    return { status: 'failed', message: `${reason ?? 'init failed'} (retry in ${retryAfterS} s)`, retryAfterS };
  }
  return { status: 'started', httpStatus: 200 };
}

function readyVerdict({ state, reason, shuttingDown, retryInMs }: LifecycleView): Verdict | undefined {
  switch (state) {
    case 'ready':
      return undefined;
    case 'starting':
      return { status: 'not_started', message: 'starting up', retryAfterS: 1 };
    case 'failed':
      return { status: 'not_started', message: `startup failed: ${reason ?? 'unknown'}`, retryAfterS: Math.ceil(retryInMs / 1000) };
    case 'draining':
      return shuttingDown ? { status: 'shutting_down', message: reason ?? 'shutting down' } : { status: 'draining', message: reason ?? 'draining' };
    case 'stopped':
      return { status: 'shutting_down', message: reason ?? 'stopped' };
  }
}
