import { describe, expect, it } from 'vitest';
import { EnvReader, type EnvSource } from './env-reader.ts';
import { resultKeepingFromEnv } from './result-keeping-from-env.ts';

const HOOK = 'https://hooks.slack.com/services/T000/B000/Sekr3tT0kenValue';

function read(source: EnvSource, platform = 'node', remoteOwner = false): { damping: unknown; webhook: boolean; problems: string[] } {
  const env = new EnvReader(source);
  const keeping = resultKeepingFromEnv(env, { platform, remoteOwner, version: '1', log: () => {} });
  return { damping: keeping.damping, webhook: keeping.onStatusChange !== undefined, problems: env.problems };
}

describe('resultKeepingFromEnv', () => {
  it.each([
    [{}, undefined],
    [{ HEALTH_FAILURE_THRESHOLD: '1', HEALTH_SUCCESS_THRESHOLD: '1' }, undefined],
    [{ HEALTH_FAILURE_THRESHOLD: '3' }, { failures: 3, successes: 1 }],
    [{ HEALTH_FAILURE_THRESHOLD: '3', HEALTH_SUCCESS_THRESHOLD: '2' }, { failures: 3, successes: 2 }],
  ])('reads damping %j as %j', (source, damping) => {
    expect(read(source)).toEqual({ damping, webhook: false, problems: [] });
  });

  it.each([
    [{ HEALTH_FAILURE_THRESHOLD: '0' }, 'HEALTH_FAILURE_THRESHOLD must be a whole number from 1 to 100.'],
    [{ HEALTH_SUCCESS_THRESHOLD: 'twice' }, 'HEALTH_SUCCESS_THRESHOLD must be a whole number from 1 to 100.'],
    [{ HEALTH_WEBHOOK_URL: HOOK, HEALTH_WEBHOOK_TIMEOUT_MS: '0' }, 'HEALTH_WEBHOOK_TIMEOUT_MS must be a whole number of milliseconds from 1 to 30000.'],
    [{ HEALTH_WEBHOOK_URL: HOOK.replace('https://', 'https://me:Sekr3tT0kenValue@') }, 'HEALTH_WEBHOOK_URL must be an absolute http or https URL without user:password@ (a token belongs in the path or query).'],
    [{ HEALTH_WEBHOOK_URL: 'Sekr3tT0kenValue' }, 'HEALTH_WEBHOOK_URL must be an absolute http or https URL without user:password@ (a token belongs in the path or query).'],
  ])('names the variable of %j without its value', (source, problem) => {
    const { problems } = read(source);
    expect(problems).toEqual([problem]);
    expect(problems.join('')).not.toContain('Sekr3t');
  });

  it.each([
    ['node', false, true],
    ['deno', false, true],
    ['bun', false, true],
    ['cloudflare-durable-object', false, true],
    ['cloudflare-workers', true, true],
    ['cloudflare-workers', false, false],
    ['aws-lambda', false, false],
    ['netlify-functions', false, false],
    ['vercel-edge', false, false],
  ])('accepts HEALTH_WEBHOOK_URL on %s (remote owner %s): %s, since only one observer may post a transition', (platform, remoteOwner, accepted) => {
    const { webhook, problems } = read({ HEALTH_WEBHOOK_URL: HOOK }, platform, remoteOwner);
    expect(webhook).toBe(accepted);
    expect(problems).toHaveLength(accepted ? 0 : 1);
    expect(problems.join('')).not.toContain('Sekr3t');
  });
});
