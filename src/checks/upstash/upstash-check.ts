import { Redis } from '@upstash/redis/cloudflare';
import { CheckError, CheckOptionError, ConfigError, defineCheck, parseCheckUrl, type Check, type CheckOptions, type CheckResult } from '../../core/index.ts';

export interface UpstashCheckOptions extends Omit<CheckOptions, 'name'> {
  /** @default 'redis' */
  name?: string;
  /** The REST URL (`UPSTASH_REDIS_REST_URL`). */
  url: string;
  /** The REST token (`UPSTASH_REDIS_REST_TOKEN`); never shown. */
  token: string;
  /**
   * Also prove the write path: `SET` a short-lived key, `GET` it back, `DEL` it.
   * @default false
   */
  writeProbe?: boolean;
  /**
   * The prefix of the write probe's keys: each run writes `<probeKey>:<uuid>`,
   * its own key, so concurrent probes never read each other's value. The key
   * is deleted after the read, and expires after 10 s should the delete fail.
   * @default 'edge-health:probe'
   */
  probeKey?: string;
}

const PROBE_TTL_SECONDS = 10;

/**
 * A Redis check over Upstash's REST API with `@upstash/redis`: `PING` must
 * answer `PONG`; optionally a `SET` of its own short-lived key, a `GET` back and a `DEL`.
 *
 * Why no retries: the client retries network errors five times with backoff by
 * default, which would make a down Redis look slow instead of down. The check's
 * deadline is the only budget.
 *
 * @example
 * ```ts
 * upstashCheck({ url: env.UPSTASH_REDIS_REST_URL, token: env.UPSTASH_REDIS_REST_TOKEN, category: 'non-critical' })
 * ```
 */
export function upstashCheck(options: UpstashCheckOptions): Check {
  const name = options.name ?? 'redis';
  validate(name, options);
  const probeKey = options.probeKey ?? 'edge-health:probe';

  return defineCheck({
    ...options,
    componentType: options.componentType ?? 'datastore',
    name,
    secrets: [...(options.secrets ?? []), options.token],
    async run(signal): Promise<CheckResult> {
      const redis = new Redis({
        url: options.url,
        token: options.token,
        // Why not `retry: false`: in 1.39 that still makes two attempts.
        retry: { retries: 0 },
        readYourWrites: false,
        enableAutoPipelining: false,
        enableTelemetry: false,
        automaticDeserialization: false,
        latencyLogging: false,
        // Why a function: with a plain signal the client turns an abort into a
        // successful response whose result is the abort reason.
        signal: () => signal,
      });
      const pong = await command(() => redis.ping());
      if (pong !== 'PONG') {
        throw new CheckError('unexpected_response', `PING answered ${JSON.stringify(pong).slice(0, 40)} instead of PONG`);
      }
      if (!options.writeProbe) return { status: 'healthy' };

      const value = crypto.randomUUID();
      const key = `${probeKey}:${value}`;
      await command(() => redis.set(key, value, { ex: PROBE_TTL_SECONDS }));
      const read = await command(() => redis.get<string>(key));
      if (read !== value) {
        throw new CheckError('unexpected_response', 'the write probe read back a different value');
      }
      await command(() => redis.del(key));
      return { status: 'healthy', details: { write_probe: 'ok' } };
    },
  });
}

function validate(name: string, options: UpstashCheckOptions): void {
  if (!options.url) {
    throw new ConfigError(`Check "${name}": no Upstash REST URL was provided. Perhaps UPSTASH_REDIS_REST_URL has not been set?`);
  }
  parseCheckUrl(name, 'url', options.url, ['http:', 'https:'], 'must be an absolute http or https URL (the REST URL, not the redis:// one)');
  if (!options.token) {
    throw new ConfigError(`Check "${name}": no Upstash REST token was provided. Perhaps UPSTASH_REDIS_REST_TOKEN has not been set?`);
  }
  if (typeof options.token !== 'string') throw new CheckOptionError(name, 'token', 'must be a string');
}

/** Runs one command and classifies the client's errors. */
async function command<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    throw classifyUpstashError(error);
  }
}

function classifyUpstashError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  // The client appends ", command was: [...]" to server errors; keep only the server's words.
  const message = error.message.replace(/, command was: [\s\S]*$/, '');
  if (error.name === 'UpstashJSONParseError') {
    return new CheckError('protocol', 'the Redis REST endpoint answered something that is not JSON', { cause: error });
  }
  if (error.name === 'UpstashError') {
    if (/unauthori[sz]ed|WRONGPASS|NOAUTH|invalid token/i.test(message)) {
      return new CheckError('auth', 'the Redis REST endpoint rejected the token', { cause: error });
    }
    return new CheckError('unexpected_response', message || 'the Redis REST endpoint answered an error', { cause: error });
  }
  if (error.name === 'AbortError' || error.name === 'TimeoutError') return error;
  // A failed fetch: keep its code and cause for classification, but say what failed.
  return new Error(`cannot reach the Redis REST endpoint: ${error.message}`, { cause: error });
}
