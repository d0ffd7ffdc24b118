import { CheckError, defineCheck, type Check, type CheckOptions } from '../../core/index.ts';
import { untilAborted } from './binding-answer.ts';
import { requireBinding, type KvNamespaceLike } from './binding-kinds.ts';

export interface KvCheckOptions extends Omit<CheckOptions, 'name'> {
  /** @default 'kv' */
  name?: string;
  /** The KV binding, e.g. `env.CACHE`. */
  namespace: KvNamespaceLike;
  /**
   * The key to read (it need not exist); the write probe writes `<probeKey>:<random>`.
   * @default 'edge-health:probe'
   */
  probeKey?: string;
  /**
   * Also prove the write path: put a key of this run's own, read it back, delete it.
   * @default false
   */
  writeProbe?: boolean;
}

/** KV's shortest expiration: a probe key left behind by a cut-short run is gone within a minute. */
const PROBE_TTL_SECONDS = 60;

/**
 * A Workers KV check: a read of a probe key (a miss is healthy: the namespace
 * answered). With `writeProbe`, a put, a read back and a delete of a key of
 * this run's own, which expires after 60 s should the delete never happen.
 *
 * @example
 * ```ts
 * kvCheck({ namespace: env.CACHE, category: 'non-critical' })
 * ```
 */
export function kvCheck(options: KvCheckOptions): Check {
  const name = options.name ?? 'kv';
  const namespace = requireBinding<KvNamespaceLike>(name, 'namespace', options.namespace, 'kv');
  const probeKey = options.probeKey ?? 'edge-health:probe';
  return defineCheck({
    ...options,
    componentType: options.componentType ?? 'datastore',
    name,
    async run(signal) {
      await untilAborted(namespace.get(probeKey), signal);
      if (!options.writeProbe) return { status: 'healthy' };
      await writeProbe(namespace, `${probeKey}:${crypto.randomUUID()}`, signal);
      return { status: 'healthy', details: { write_probe: 'ok' } };
    },
  });
}

async function writeProbe(namespace: KvNamespaceLike, key: string, signal: AbortSignal): Promise<void> {
  const value = crypto.randomUUID();
  try {
    await untilAborted(namespace.put(key, value, { expirationTtl: PROBE_TTL_SECONDS }), signal);
    // Why a read in the same location: KV shows a write at once where it was made, elsewhere within ~60 s.
    const read = await untilAborted(namespace.get(key), signal);
    if (read !== value) throw new CheckError('unexpected_response', 'the write probe read back a different value');
  } finally {
    await untilAborted(namespace.delete(key), signal).catch(() => {});
  }
}
