/**
 * Checks of Cloudflare Workers bindings: D1, KV, R2, Durable Objects and
 * service bindings. None writes unless asked (the KV write probe). Hyperdrive
 * has its own subpath, `edge-health/checks/hyperdrive`, so its Postgres driver
 * stays out of Workers that do not use it.
 * @module
 */
export { d1Check, type D1CheckOptions } from './d1-check.ts';
export { kvCheck, type KvCheckOptions } from './kv-check.ts';
export { r2Check, type R2CheckOptions } from './r2-check.ts';
export { durableObjectCheck, type DurableObjectCheckOptions } from './durable-object-check.ts';
export { serviceCheck, type ServiceCheckOptions } from './service-check.ts';
export {
  BINDING_KINDS,
  connectionSecrets,
  describeBinding,
  isBindingOf,
  requireBinding,
  type BindingKind,
  type D1DatabaseLike,
  type DurableObjectNamespaceLike,
  type FetcherLike,
  type HyperdriveLike,
  type KvNamespaceLike,
  type R2BucketLike,
} from './binding-kinds.ts';
