import {
  CheckError,
  ConfigError,
  defineCheck,
  statusExpectation,
  statusFromHttp,
  type Check,
  type CheckOptions,
  type CheckResult,
  type ExpectStatus,
} from '../../core/index.ts';

export interface HttpCheckOptions extends CheckOptions {
  /** The endpoint to request. */
  url: string | URL;
  /** @default 'GET' */
  method?: string;
  /** Request headers; their values are treated as secrets and never shown. */
  headers?: Record<string, string>;
  /**
   * Which statuses count as healthy.
   * @default any 2xx
   */
  expectStatus?: ExpectStatus;
  /**
   * Require the body to contain this text or match this pattern (read up to `maxBodyBytes`).
   * @default undefined (the body is never read)
   */
  expectBody?: string | RegExp;
  /** @default 65536 */
  maxBodyBytes?: number;
  /**
   * Follow redirects. Off by default: a redirect usually means a misconfigured URL.
   * @default false
   */
  followRedirects?: boolean;
  /** The fetch to use. @default globalThis.fetch */
  fetch?: typeof fetch;
}

const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/**
 * A check of an external HTTP API: 2xx (or `expectStatus`) is healthy,
 * 5xx is unhealthy, anything else is degraded with `HTTP <code>`.
 *
 * @example
 * ```ts
 * httpCheck({ name: 'payments', url: 'https://api.stripe.com/healthcheck', timeoutMs: 2000 })
 * ```
 */
export function httpCheck(options: HttpCheckOptions): Check {
  const url = parseUrl(options.name, options.url);
  const method = (options.method ?? 'GET').toUpperCase();
  const headers = { ...options.headers };
  const isExpected = statusExpectation(options.expectStatus);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const secrets = [
    ...(options.secrets ?? []),
    ...Object.values(headers),
    decodeURIComponent(url.password),
    ...[...url.searchParams.values()].filter((value) => value.length >= 8),
  ];

  return defineCheck({
    ...options,
    secrets,
    async run(signal): Promise<CheckResult> {
      const doFetch = options.fetch ?? fetch;
      const response = await doFetch(url, {
        method,
        headers,
        redirect: options.followRedirects ? 'follow' : 'manual',
        signal,
      });
      const verdict = statusFromHttp(response.status, isExpected);
      const details = verdict.details ?? {};
      if (verdict.status !== 'healthy') {
        await response.body?.cancel().catch(() => {});
        return verdict;
      }
      if (options.expectBody !== undefined) {
        const text = await readCapped(response, maxBodyBytes);
        const matched =
          typeof options.expectBody === 'string' ? text.includes(options.expectBody) : options.expectBody.test(text);
        if (!matched) {
          throw new CheckError('unexpected_response', `response body did not match the expected content`, { details });
        }
        return { status: 'healthy', details };
      }
      await response.body?.cancel().catch(() => {});
      return { status: 'healthy', details };
    },
  });
}

function parseUrl(name: string, raw: string | URL): URL {
  let url: URL;
  try {
    url = new URL(String(raw));
  } catch {
    throw new ConfigError(`Check "${name}": url is not a valid absolute URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`Check "${name}": url must use http or https, got ${url.protocol.replace(':', '')}.`);
  }
  return url;
}

/** Reads at most `limit` bytes of the body, then cancels the rest. */
async function readCapped(response: Response, limit: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let read = 0;
  try {
    while (read < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      const chunk = value.subarray(0, limit - read);
      read += chunk.byteLength;
      text += decoder.decode(chunk, { stream: true });
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return text + decoder.decode();
}
