import { describe, expect, it } from 'vitest';
import { shareFromEnv } from './share-from-env.ts';

const namespace = { idFromName: () => 'id', get: () => ({ fetch: async () => new Response(null, { status: 404 }) }) };
const cache = { match: async () => undefined, put: async () => {} };
const periods = { freshMs: 10_000, staleMs: 5_000 };

describe('shareFromEnv', () => {
  it.each([
    { env: {}, scope: undefined, runner: false },
    { env: { HEALTH_SHARE: '' }, scope: undefined, runner: false },
    { env: { HEALTH_SHARE: 'none' }, scope: undefined, runner: false },
    { env: { HEALTH_SHARE: 'cache' }, scope: 'location', runner: false },
    { env: { HEALTH_SHARE: 'durable-object', HEALTH_OWNER: namespace }, scope: 'deployment', runner: true },
    { env: { HEALTH_SHARE: 'durable-object', HEALTH_SHARE_BINDING: 'OWNER', OWNER: namespace }, scope: 'deployment', runner: true },
  ])('$env.HEALTH_SHARE shares at scope $scope (remote runner: $runner)', ({ env, scope, runner }) => {
    const sharing = shareFromEnv(env, periods, cache);
    expect(sharing.problems).toEqual([]);
    expect(sharing.store?.scope).toBe(scope);
    expect(sharing.runChecks !== undefined).toBe(runner);
  });

  it.each([
    { env: { HEALTH_SHARE: 'global' }, problem: 'HEALTH_SHARE must be one of none, cache, durable-object (got "global").' },
    { env: { HEALTH_SHARE: 'durable-object' }, problem: 'no Durable Object namespace is bound as HEALTH_OWNER' },
    { env: { HEALTH_SHARE: 'durable-object', HEALTH_OWNER: 'a string' }, problem: 'no Durable Object namespace is bound as HEALTH_OWNER' },
    { env: { HEALTH_SHARE: 'durable-object', HEALTH_SHARE_BINDING: 'MISSING', HEALTH_OWNER: namespace }, problem: 'bound as MISSING' },
    { env: { HEALTH_SHARE: 'durable-object', HEALTH_OWNER: namespace, HEALTH_SHARE_REACH_MS: '-1' }, problem: 'HEALTH_SHARE_REACH_MS must be' },
    { env: { HEALTH_SHARE: 'durable-object', HEALTH_OWNER: namespace, HEALTH_SHARE_REACH_MS: '1.5' }, problem: 'HEALTH_SHARE_REACH_MS must be' },
  ])('reports $problem and shares nothing for $env', ({ env, problem }) => {
    const sharing = shareFromEnv(env, periods, cache);
    expect(sharing.problems).toHaveLength(1);
    expect(sharing.problems[0]).toContain(problem);
    expect(sharing.store).toBeUndefined();
  });

  it('says the Cache API is unavailable where the runtime has none', () => {
    expect(shareFromEnv({ HEALTH_SHARE: 'cache' }, periods, undefined).store?.sharing).toBe('none (Cache API unavailable here)');
  });
});
