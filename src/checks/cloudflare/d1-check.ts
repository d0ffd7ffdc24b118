import { defineCheck, type Check, type CheckOptions } from '../../core/index.ts';
import { untilAborted } from './binding-answer.ts';
import { requireBinding, type D1DatabaseLike } from './binding-kinds.ts';

export interface D1CheckOptions extends Omit<CheckOptions, 'name'> {
  /** @default 'd1' */
  name?: string;
  /** The D1 binding, e.g. `env.DB`. */
  database: D1DatabaseLike;
  /**
   * A read-only query to run.
   * @default 'SELECT 1'
   */
  query?: string;
}

/**
 * A D1 check: one trivial query through the binding; nothing is written.
 *
 * @example
 * ```ts
 * d1Check({ database: env.DB, timeoutMs: 2000 })
 * ```
 */
export function d1Check(options: D1CheckOptions): Check {
  const name = options.name ?? 'd1';
  const database = requireBinding<D1DatabaseLike>(name, 'database', options.database, 'd1');
  const query = options.query ?? 'SELECT 1';
  return defineCheck({
    ...options,
    componentType: options.componentType ?? 'datastore',
    name,
    async run(signal) {
      await untilAborted(database.prepare(query).first(), signal);
      return { status: 'healthy' };
    },
  });
}
