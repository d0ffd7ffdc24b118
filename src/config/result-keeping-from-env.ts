import type { DampingOptions, StatusChange } from '../core/index.ts';
import { isWebhookUrl, statusWebhook, WEBHOOK_TIMEOUT_MS } from '../events/index.ts';
import type { EnvReader } from './env-reader.ts';

/**
 * What is applied where runs are made and results kept: flap damping and
 * status-change events. An isolate whose runs a Durable Object makes applies
 * neither; the owner does, once for the whole deployment.
 */
export interface ResultKeeping {
  damping?: DampingOptions;
  onStatusChange?: (change: StatusChange) => Promise<void>;
}

/** Where the env is read: the platform, and whether a remote owner makes the runs. */
export interface KeepingContext {
  platform: string;
  remoteOwner: boolean;
  version: string;
  log: (line: string) => void;
}

/** Why these: each has one place that sees every run (the process, or the Durable Object owner). */
const ONE_OBSERVER = new Set(['node', 'deno', 'bun', 'cloudflare-durable-object']);
const MAX_THRESHOLD = 100;

/**
 * `HEALTH_FAILURE_THRESHOLD`, `HEALTH_SUCCESS_THRESHOLD` (flap damping) and
 * `HEALTH_WEBHOOK_URL`, `HEALTH_WEBHOOK_TIMEOUT_MS` (status-change webhook).
 * The webhook is accepted only where one observer sees every run, so that a
 * transition is POSTed once: a Node, Deno or Bun process, or on Workers the
 * Durable Object owner (`HEALTH_SHARE=durable-object`). Elsewhere every
 * isolate or instance would post its own copy, so it is a problem instead.
 */
export function resultKeepingFromEnv(env: EnvReader, context: KeepingContext): ResultKeeping {
  const failures = env.count('HEALTH_FAILURE_THRESHOLD', 1, { min: 1, max: MAX_THRESHOLD });
  const successes = env.count('HEALTH_SUCCESS_THRESHOLD', 1, { min: 1, max: MAX_THRESHOLD });
  const damping = failures > 1 || successes > 1 ? { damping: { failures, successes } } : {};
  const onStatusChange = webhookFromEnv(env, context);
  return { ...damping, ...(onStatusChange ? { onStatusChange } : {}) };
}

function webhookFromEnv(env: EnvReader, { platform, remoteOwner, version, log }: KeepingContext): ResultKeeping['onStatusChange'] {
  const timeoutMs = env.milliseconds('HEALTH_WEBHOOK_TIMEOUT_MS', WEBHOOK_TIMEOUT_MS, { min: 1, max: 30_000 });
  const url = env.string('HEALTH_WEBHOOK_URL');
  if (url === undefined) return undefined;
  if (!isWebhookUrl(url)) {
    env.problems.push('HEALTH_WEBHOOK_URL must be an absolute http or https URL without user:password@ (a token belongs in the path or query).');
    return undefined;
  }
  if (platform === 'cloudflare-workers' && !remoteOwner) {
    env.problems.push('HEALTH_WEBHOOK_URL on Workers needs HEALTH_SHARE=durable-object: the owner posts each transition once; every isolate would post its own.');
    return undefined;
  }
  if (platform !== 'cloudflare-workers' && !ONE_OBSERVER.has(platform)) {
    env.problems.push('HEALTH_WEBHOOK_URL needs one process that sees every run (Node, Deno, Bun, or a Worker with HEALTH_SHARE=durable-object); unset it here.');
    return undefined;
  }
  return statusWebhook({ url, version, timeoutMs, log });
}
