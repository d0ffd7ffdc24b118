import type { CheckRunner, ResultStore } from '../../core/index.ts';
import { CacheApiStore, type CacheLike } from './cache-api-store.ts';
import { DurableObjectShare, type DurableObjectNamespaceLike } from './durable-object-share.ts';

/** The ways a Worker may share check results, as `HEALTH_SHARE` names them. */
export const SHARE_MODES = ['none', 'cache', 'durable-object'] as const;

export interface WorkerSharing {
  store?: ResultStore;
  runChecks?: CheckRunner;
  /** The Durable Object makes the runs (and so damps and posts status changes), not the isolate. */
  remoteOwner?: boolean;
  problems: string[];
}

/**
 * The sharing a Worker's `env` asks for: `HEALTH_SHARE` (`none`, `cache`,
 * `durable-object`), `HEALTH_SHARE_BINDING` (the Durable Object namespace,
 * default `HEALTH_OWNER`) and `HEALTH_SHARE_REACH_MS`. Problems name the
 * variable and the fix, never a value of another variable.
 */
export function shareFromEnv(env: Record<string, unknown>, periods: { freshMs: number; staleMs: number }, cache: CacheLike | undefined): WorkerSharing {
  const mode = typeof env.HEALTH_SHARE === 'string' && env.HEALTH_SHARE !== '' ? env.HEALTH_SHARE : 'none';
  if (mode === 'none') return { problems: [] };
  if (mode === 'cache') return { store: new CacheApiStore({ cache, keepMs: periods.freshMs + periods.staleMs }), problems: [] };
  if (mode !== 'durable-object') {
    return { problems: [`HEALTH_SHARE must be one of ${SHARE_MODES.join(', ')} (got ${JSON.stringify(mode.slice(0, 40))}).`] };
  }
  const binding = typeof env.HEALTH_SHARE_BINDING === 'string' && env.HEALTH_SHARE_BINDING !== '' ? env.HEALTH_SHARE_BINDING : 'HEALTH_OWNER';
  const namespace = env[binding] as Partial<DurableObjectNamespaceLike> | undefined;
  if (typeof namespace?.idFromName !== 'function' || typeof namespace.get !== 'function') {
    return {
      problems: [
        `HEALTH_SHARE is durable-object but no Durable Object namespace is bound as ${binding.slice(0, 64)}: add a [[durable_objects.bindings]] entry for the HealthOwner class (and a migration) to wrangler.toml, or set HEALTH_SHARE_BINDING.`,
      ],
    };
  }
  const reach = reachMs(env.HEALTH_SHARE_REACH_MS);
  if (typeof reach === 'string') return { problems: [reach] };
  const share = new DurableObjectShare({ namespace: namespace as DurableObjectNamespaceLike, ...(reach === undefined ? {} : { reachMs: reach }) });
  return { store: share, runChecks: share.runChecks, remoteOwner: true, problems: [] };
}

function reachMs(value: unknown): number | string | undefined {
  if (value === undefined || value === '') return undefined;
  const ms = Number(value);
  if (Number.isInteger(ms) && ms >= 0 && ms <= 60_000) return ms;
  return 'HEALTH_SHARE_REACH_MS must be a whole number of milliseconds from 0 to 60000.';
}
