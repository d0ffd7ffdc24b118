import { ConfigError } from '../../core/index.ts';

/** The parts of a D1 database binding the check uses. */
export interface D1DatabaseLike {
  prepare(query: string): { first(): Promise<unknown> };
}

/** The parts of a Workers KV namespace binding the check uses. */
export interface KvNamespaceLike {
  get(key: string): Promise<string | null>;
  put(key: string, value: string, options?: { expirationTtl?: number }): Promise<void>;
  delete(key: string): Promise<void>;
}

/** The parts of an R2 bucket binding the check uses. */
export interface R2BucketLike {
  head(key: string): Promise<unknown>;
}

/** A service binding, a Durable Object stub, or anything else with a Workers `fetch`. */
export interface FetcherLike {
  fetch(input: Request | string | URL, init?: RequestInit): Promise<Response>;
}

/** The parts of a Durable Object namespace binding the check uses. */
export interface DurableObjectNamespaceLike {
  idFromName(name: string): unknown;
  get(id: never): FetcherLike;
}

/** The parts of a Hyperdrive binding the check uses. */
export interface HyperdriveLike {
  readonly connectionString: string;
}

export type BindingKind = 'd1' | 'kv' | 'r2' | 'durable_object' | 'service' | 'hyperdrive';

const functions = (value: object, names: readonly string[]): boolean =>
  names.every((name) => typeof (value as Record<string, unknown>)[name] === 'function');

/**
 * Why: a service binding is an RPC stub that answers every property name with a
 * function, so it would pass for any other kind; a name no binding defines tells it apart.
 */
const answersAnything = (value: object): boolean => functions(value, ['edgeHealthNoSuchMethod']);

const GUARDS: Record<BindingKind, (value: object) => boolean> = {
  d1: (value) => !answersAnything(value) && functions(value, ['prepare', 'batch', 'exec']),
  kv: (value) => !answersAnything(value) && functions(value, ['get', 'put', 'delete', 'getWithMetadata']),
  r2: (value) => !answersAnything(value) && functions(value, ['head', 'get', 'put', 'createMultipartUpload']),
  durable_object: (value) => !answersAnything(value) && functions(value, ['idFromName', 'get']),
  service: (value) => functions(value, ['fetch']),
  hyperdrive: (value) => typeof (value as { connectionString?: unknown }).connectionString === 'string',
};

export const BINDING_KINDS: Readonly<Record<BindingKind, string>> = {
  d1: 'a D1 database',
  kv: 'a KV namespace',
  r2: 'an R2 bucket',
  durable_object: 'a Durable Object namespace',
  service: 'a service binding',
  hyperdrive: 'a Hyperdrive configuration',
};

/** True when `value` looks like a binding of `kind` (duck-typed: bindings cross realms). */
export function isBindingOf(kind: BindingKind, value: unknown): boolean {
  return typeof value === 'object' && value !== null && GUARDS[kind](value);
}

/** What a value is, in words safe to show: never the value itself (it may be a secret variable). */
export function describeBinding(value: unknown): string {
  if (value === undefined || value === null) return 'not set';
  if (typeof value !== 'object') return `a ${typeof value} variable`;
  const kind = (Object.keys(GUARDS) as BindingKind[]).find((k) => GUARDS[k](value));
  return kind ? BINDING_KINDS[kind] : 'an object of an unknown kind';
}

/** Throws a ConfigError naming what the binding is instead, when it is not of `kind`. */
export function requireBinding<T>(check: string, option: string, value: unknown, kind: BindingKind): T {
  if (isBindingOf(kind, value)) return value as T;
  const what = describeBinding(value);
  const hint = what === 'not set' ? ' Perhaps the binding is missing from wrangler.toml?' : '';
  throw new ConfigError(`Check "${check}": ${option} must be ${BINDING_KINDS[kind]}, but it is ${what}.${hint}`);
}

/** What must never be shown of a Hyperdrive binding: its connection string, user, password and host. */
export function connectionSecrets(hyperdrive: HyperdriveLike): string[] {
  const raw = hyperdrive.connectionString;
  try {
    const url = new URL(raw);
    return [raw, url.password, decodeURIComponent(url.password), decodeURIComponent(url.username), url.hostname].filter((s) => s.length >= 4);
  } catch {
    return [raw];
  }
}
