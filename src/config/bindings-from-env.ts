import {
  BINDING_KINDS,
  connectionSecrets,
  d1Check,
  describeBinding,
  durableObjectCheck,
  isBindingOf,
  kvCheck,
  r2Check,
  serviceCheck,
  type BindingKind,
  type HyperdriveLike,
} from '../checks/cloudflare/index.ts';
import { ConfigError, DEFAULT_TIMEOUT_MS, defineCheck, type Check, type CheckCategory, type CheckOptions } from '../core/index.ts';
import type { EnvReader, EnvSource } from './env-reader.ts';
import { jsonArrayFromEnv } from './json-problem.ts';

export const BINDINGS_VAR = 'HEALTH_BINDINGS';

const KIND_ALIASES: Record<string, BindingKind> = {
  d1: 'd1',
  kv: 'kv',
  r2: 'r2',
  durable_object: 'durable_object',
  'durable-object': 'durable_object',
  do: 'durable_object',
  service: 'service',
  hyperdrive: 'hyperdrive',
};
const KNOWN_KEYS = new Set(['binding', 'kind', 'name', 'category', 'timeout_ms', 'slow_ms', 'path', 'method', 'instance', 'probe_key', 'write_probe', 'query', 'expect_status']);

/** One entry of `HEALTH_BINDINGS`, as written (JSON keys in snake_case). */
type Spec = Record<string, unknown>;

/**
 * `HEALTH_BINDINGS`: the Worker's bindings to check, as a JSON array of
 * `{ binding, kind, name?, category?, timeout_ms?, slow_ms?, path?, method?, instance?,
 * probe_key?, write_probe?, query?, expect_status? }` or a comma-separated list
 * of `BINDING:kind[:category]`. Each binding is duck-typed against its kind;
 * problems name the binding and what it is instead, never a value.
 */
/**
 * Loads the Hyperdrive check (and with it the Postgres driver). Only the
 * deployable Worker passes one: a bundler keeps a lazily imported module in
 * the bundle, so the Node and Lambda builds, which can never see a Hyperdrive
 * binding, would otherwise carry the driver for nothing.
 */
export type HyperdriveCheckLoader = () => Promise<(options: CheckOptions & { hyperdrive: HyperdriveLike; query?: string }) => Check>;

export function bindingChecksFromEnv(env: EnvReader, source: EnvSource, loadHyperdrive?: HyperdriveCheckLoader): Check[] {
  const raw = env.string(BINDINGS_VAR);
  if (raw === undefined) return [];
  const specs = /^[[{]/.test(raw) ? jsonArrayFromEnv(env, BINDINGS_VAR, raw) : parseList(raw);
  return specs.flatMap((spec, index) => {
    const label = `${BINDINGS_VAR}[${index}]`;
    try {
      return [checkFor(label, spec, source, loadHyperdrive)];
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      env.problems.push(error.message.startsWith(label) ? error.message : `${label}: ${error.message}`);
      return [];
    }
  });
}

function checkFor(label: string, spec: unknown, source: EnvSource, loadHyperdrive: HyperdriveCheckLoader | undefined): Check {
  if (typeof spec === 'string') throw new ConfigError(`${label} must be BINDING:kind or BINDING:kind:category, e.g. DB:d1.`);
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    throw new ConfigError(`${label} must be an object with binding and kind.`);
  }
  const fields = spec as Spec;
  const unknown = Object.keys(fields).filter((key) => !KNOWN_KEYS.has(key));
  if (unknown.length > 0) throw new ConfigError(`${label} has unknown keys ${JSON.stringify(unknown)} (known: ${[...KNOWN_KEYS].join(', ')}).`);
  const { binding, kind } = fields;
  if (typeof binding !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(binding)) {
    throw new ConfigError(`${label}.binding must be the name of a binding, e.g. "DB".`);
  }
  const resolved = typeof kind === 'string' ? KIND_ALIASES[kind.toLowerCase()] : undefined;
  if (!resolved) throw new ConfigError(`${label}.kind must be one of ${Object.keys(BINDING_KINDS).join(', ')} (got ${JSON.stringify(kind)}).`);
  const value = source[binding];
  if (!isBindingOf(resolved, value)) {
    const what = describeBinding(value);
    const hint = what === 'not set' ? ' Add it to wrangler.toml or remove it from HEALTH_BINDINGS.' : '';
    throw new ConfigError(`${label}: binding ${binding} should be ${BINDING_KINDS[resolved]}, but it is ${what}.${hint}`);
  }
  return BUILDERS[resolved](value as never, fields, commonOptions(binding, fields), loadHyperdrive);
}

/** Name, category, deadline and slow threshold; `defineCheck` validates them. */
function commonOptions(binding: string, fields: Spec): CheckOptions {
  return {
    name: (fields.name ?? binding.toLowerCase().replaceAll('_', '-')) as string,
    category: (fields.category ?? 'critical') as CheckCategory,
    timeoutMs: (fields.timeout_ms ?? DEFAULT_TIMEOUT_MS) as number,
    ...(fields.slow_ms === undefined ? {} : { slowMs: fields.slow_ms as number }),
  };
}

/** Copies an optional string or boolean field a kind accepts, under its option name, checking its type. */
function optional<T>(fields: Spec, key: string, type: 'string' | 'boolean', as: string): Record<string, T> {
  const value = fields[key];
  if (value === undefined) return {};
  if (typeof value !== type) throw new ConfigError(`${key} must be a ${type}.`);
  return { [as]: value as T };
}

function expectStatus(fields: Spec): { expectStatus?: number[] } {
  const value = fields.expect_status;
  if (value === undefined) return {};
  const list = Array.isArray(value) ? value : [value];
  if (list.length > 0 && list.every((n) => Number.isInteger(n) && n >= 100 && n <= 599)) return { expectStatus: list as number[] };
  throw new ConfigError('expect_status must be a status code or a list of status codes (100-599).');
}

const BUILDERS: Record<BindingKind, (binding: never, fields: Spec, common: CheckOptions, loadHyperdrive?: HyperdriveCheckLoader) => Check> = {
  d1: (database, fields, common) => d1Check({ ...common, database, ...optional(fields, 'query', 'string', 'query') }),
  kv: (namespace, fields, common) =>
    kvCheck({ ...common, namespace, ...optional(fields, 'probe_key', 'string', 'probeKey'), ...optional(fields, 'write_probe', 'boolean', 'writeProbe') }),
  r2: (bucket, fields, common) => r2Check({ ...common, bucket, ...optional(fields, 'probe_key', 'string', 'probeKey') }),
  durable_object: (namespace, fields, common) =>
    durableObjectCheck({
      ...common,
      namespace,
      ...optional(fields, 'instance', 'string', 'instance'),
      ...optional(fields, 'path', 'string', 'path'),
      ...optional(fields, 'method', 'string', 'method'),
      ...expectStatus(fields),
    }),
  service: (service, fields, common) =>
    serviceCheck({ ...common, service, ...optional(fields, 'path', 'string', 'path'), ...optional(fields, 'method', 'string', 'method'), ...expectStatus(fields) }),
  hyperdrive: (hyperdrive, fields, common, loadHyperdrive) => {
    if (!loadHyperdrive) throw new ConfigError('kind hyperdrive is served by the Cloudflare Worker entry only (src/worker.ts, or pass loadHyperdrive).');
    return lazyHyperdriveCheck(hyperdrive, { ...common, ...optional(fields, 'query', 'string', 'query') }, loadHyperdrive);
  },
};

/**
 * Why lazy: the Postgres driver is loaded on the first run, so a Worker
 * configured without Hyperdrive never evaluates it.
 */
function lazyHyperdriveCheck(hyperdrive: HyperdriveLike, options: CheckOptions & { query?: string }, load: HyperdriveCheckLoader): Check {
  let check: Check | undefined;
  return defineCheck({
    ...options,
    secrets: connectionSecrets(hyperdrive),
    async run(signal) {
      check ??= (await load())({ ...options, hyperdrive });
      return check.run(signal);
    },
  });
}

/** `DB:d1, CACHE:kv:non-critical` → specs; a malformed item stays a string, which the checker rejects by position. */
function parseList(raw: string): (Spec | string)[] {
  return raw
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((item) => {
      const [binding, kind, category, ...rest] = item.split(':');
      if (kind === undefined || rest.length > 0) return item;
      return { binding, kind, ...(category === undefined ? {} : { category }) };
    });
}
