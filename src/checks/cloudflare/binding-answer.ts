import { ConfigError, statusFromHttp, type CheckResult } from '../../core/index.ts';

/**
 * Settles with `work` or rejects with the signal's reason, whichever comes first.
 * Why: storage bindings and RPC calls take no signal, yet the check must give up on its deadline.
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The HTTP check's status rules, applied to a binding's answer; the body is never read. */
export async function resultOfResponse(response: Response, isExpected: (status: number) => boolean): Promise<CheckResult> {
  await response.body?.cancel().catch(() => {});
  return statusFromHttp(response.status, isExpected);
}

/** The origin of the URLs a bound Worker or Durable Object receives: the binding ignores it. */
const BINDING_ORIGIN = 'https://binding.internal';

/** An absolute URL for a path on a binding; the path must start with `/`. */
export function requestUrl(check: string, path: string): string {
  if (typeof path !== 'string' || !path.startsWith('/')) {
    throw new ConfigError(`Check "${check}": path must start with "/", got ${JSON.stringify(path)}.`);
  }
  return `${BINDING_ORIGIN}${path}`;
}
