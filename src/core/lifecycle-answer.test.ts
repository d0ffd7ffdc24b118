import { describe, expect, it } from 'vitest';
import { lifecycleAnswer, type LifecycleView } from './lifecycle-answer.ts';

const view = (state: LifecycleView['state'], extra: Partial<LifecycleView> = {}): LifecycleView => ({
  state,
  reason: undefined,
  shuttingDown: false,
  alive: true,
  retryInMs: 0,
  ...extra,
});

describe('lifecycleAnswer', () => {
  it.each([
    ['live', view('ready'), 200, 'healthy', undefined],
    ['live', view('failed', { alive: false, reason: 'db: down' }), 503, 'failed', 'db: down'],
    ['live', view('stopped', { alive: false }), 503, 'stopped', 'stopped'],
    ['startup', view('starting'), 503, 'starting', undefined],
    ['startup', view('failed', { reason: 'config: bad', retryInMs: 1500 }), 503, 'failed', 'config: bad (retry in 2 s)'],
    ['startup', view('ready'), 200, 'started', undefined],
    ['startup', view('draining'), 200, 'started', undefined],
    ['ready', view('starting'), 503, 'not_started', 'starting up'],
    ['ready', view('failed', { reason: 'config: bad' }), 503, 'not_started', 'startup failed: config: bad'],
    ['ready', view('draining'), 503, 'draining', 'draining'],
    ['ready', view('draining', { shuttingDown: true, reason: 'received SIGTERM' }), 503, 'shutting_down', 'received SIGTERM'],
    ['ready', view('stopped'), 503, 'shutting_down', 'stopped'],
  ] as const)('%s in %j answers %i %s', (endpoint, lifecycle, httpStatus, status, message) => {
    const answer = lifecycleAnswer(endpoint, lifecycle);
    expect(answer).toMatchObject({ endpoint, httpStatus, status, dependencies: [] });
    expect(answer?.message).toBe(message);
  });

  it.each([
    ['startup', view('starting'), 1],
    ['ready', view('starting'), 1],
    ['startup', view('failed', { retryInMs: 4200 }), 5],
    ['ready', view('failed', { retryInMs: 4200 }), 5],
    ['ready', view('draining'), undefined],
  ] as const)('%s in %j says to retry after %s s', (endpoint, lifecycle, seconds) => {
    expect(lifecycleAnswer(endpoint, lifecycle)?.retryAfterS).toBe(seconds);
  });

  it('lets readiness run its checks only when ready', () => {
    expect(lifecycleAnswer('ready', view('ready'))).toBeUndefined();
  });
});
