import { defineCheck, statusExpectation, type Check, type CheckOptions, type ExpectStatus } from '../../core/index.ts';
import { requestUrl, resultOfResponse } from './binding-answer.ts';
import { requireBinding, type FetcherLike } from './binding-kinds.ts';

export interface ServiceCheckOptions extends Omit<CheckOptions, 'name'> {
  /** @default 'service' */
  name?: string;
  /** The service binding to another Worker, e.g. `env.AUTH`. */
  service: FetcherLike;
  /**
   * The path to request on the bound Worker.
   * @default '/health'
   */
  path?: string;
  /** @default 'GET' */
  method?: string;
  /**
   * Which statuses count as healthy; otherwise 5xx is unhealthy and anything else degraded.
   * @default any 2xx
   */
  expectStatus?: ExpectStatus;
}

/**
 * A service binding check: a request to a path of the bound Worker, with the
 * HTTP check's status rules, cancelled through the check's signal.
 *
 * @example
 * ```ts
 * serviceCheck({ name: 'auth', service: env.AUTH, path: '/health/ready' })
 * ```
 */
export function serviceCheck(options: ServiceCheckOptions): Check {
  const name = options.name ?? 'service';
  const service = requireBinding<FetcherLike>(name, 'service', options.service, 'service');
  const url = requestUrl(name, options.path ?? '/health');
  const method = (options.method ?? 'GET').toUpperCase();
  const isExpected = statusExpectation(options.expectStatus);
  return defineCheck({
    ...options,
    componentType: options.componentType ?? 'component',
    name,
    async run(signal) {
      const response = await service.fetch(url, { method, redirect: 'manual', signal });
      return resultOfResponse(response, isExpected);
    },
  });
}
