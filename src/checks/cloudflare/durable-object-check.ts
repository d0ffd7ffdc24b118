import { ConfigError, defineCheck, statusExpectation, type Check, type CheckOptions, type CheckResult, type ExpectStatus } from '../../core/index.ts';
import { requestUrl, resultOfResponse, untilAborted } from './binding-answer.ts';
import { requireBinding, type DurableObjectNamespaceLike, type FetcherLike } from './binding-kinds.ts';

export interface DurableObjectCheckOptions extends Omit<CheckOptions, 'name'> {
  /** @default 'durable-object' */
  name?: string;
  /** The Durable Object namespace binding, e.g. `env.ROOMS`. */
  namespace: DurableObjectNamespaceLike;
  /**
   * The instance to reach, by name (`idFromName`): one object, wherever it lives.
   * @default 'edge-health'
   */
  instance?: string;
  /**
   * The path its `fetch` handler receives. Ignored when `method` is set.
   * @default '/health'
   */
  path?: string;
  /**
   * An RPC method to call with no arguments instead of `fetch`: resolving is
   * healthy (a returned `Response` gets the status rules), throwing is unhealthy.
   */
  method?: string;
  /**
   * Which statuses count as healthy; otherwise 5xx is unhealthy and anything else degraded.
   * @default any 2xx
   */
  expectStatus?: ExpectStatus;
}

/**
 * A Durable Object check: a request to one named instance, on a path of its
 * `fetch` handler or an RPC method you name, with the HTTP check's status rules.
 *
 * @example
 * ```ts
 * durableObjectCheck({ namespace: env.ROOMS, instance: 'lobby', method: 'ping' })
 * ```
 */
export function durableObjectCheck(options: DurableObjectCheckOptions): Check {
  const name = options.name ?? 'durable-object';
  const namespace = requireBinding<DurableObjectNamespaceLike>(name, 'namespace', options.namespace, 'durable_object');
  const instance = options.instance ?? 'edge-health';
  const call = options.method === undefined ? fetchPath(requestUrl(name, options.path ?? '/health')) : callMethod(name, options.method);
  const isExpected = statusExpectation(options.expectStatus);
  return defineCheck({
    ...options,
    componentType: options.componentType ?? 'component',
    name,
    async run(signal): Promise<CheckResult> {
      const stub = namespace.get(namespace.idFromName(instance) as never);
      const answer = await untilAborted(call(stub, signal), signal);
      return answer instanceof Response ? resultOfResponse(answer, isExpected) : { status: 'healthy' };
    },
  });
}

type Call = (stub: FetcherLike, signal: AbortSignal) => Promise<unknown>;

const fetchPath = (url: string): Call => (stub, signal) => stub.fetch(url, { redirect: 'manual', signal });

function callMethod(check: string, method: string): Call {
  if (typeof method !== 'string' || !/^[A-Za-z_$][\w$]*$/.test(method) || method === 'fetch') {
    throw new ConfigError(`Check "${check}": method must be the name of an RPC method (not fetch), got ${JSON.stringify(method)}.`);
  }
  // Why no typeof test and no .call: a stub answers every property with an RPC
  // function, even `call`; the object itself says when it lacks the method.
  return async (stub) => (stub as unknown as Record<string, () => Promise<unknown>>)[method]!();
}
