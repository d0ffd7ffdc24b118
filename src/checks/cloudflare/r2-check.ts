import { defineCheck, type Check, type CheckOptions } from '../../core/index.ts';
import { untilAborted } from './binding-answer.ts';
import { requireBinding, type R2BucketLike } from './binding-kinds.ts';

export interface R2CheckOptions extends Omit<CheckOptions, 'name'> {
  /** @default 'r2' */
  name?: string;
  /** The R2 binding, e.g. `env.BUCKET`. */
  bucket: R2BucketLike;
  /**
   * The key to `head`. It need not exist: a miss is an answer from the bucket.
   * @default 'edge-health/probe'
   */
  probeKey?: string;
}

/**
 * An R2 check: a `head` of a probe key (metadata only, never the body); a
 * missing key is healthy because the bucket answered.
 *
 * @example
 * ```ts
 * r2Check({ bucket: env.ASSETS, category: 'non-critical' })
 * ```
 */
export function r2Check(options: R2CheckOptions): Check {
  const name = options.name ?? 'r2';
  const bucket = requireBinding<R2BucketLike>(name, 'bucket', options.bucket, 'r2');
  const probeKey = options.probeKey ?? 'edge-health/probe';
  return defineCheck({
    ...options,
    componentType: options.componentType ?? 'datastore',
    name,
    async run(signal) {
      const object = await untilAborted(bucket.head(probeKey), signal);
      return { status: 'healthy', details: { probe_key: object === null ? 'absent' : 'present' } };
    },
  });
}
