import { CheckError, CheckOptionError, decodedUserInfo, defineCheck, parseCheckUrl, statusExpectation, statusFromHttp, type Check, type CheckOptions, type CheckResult, type ExpectStatus } from '../../core/index.ts';

export interface HttpCheckOptions extends CheckOptions {
  /**
   * The endpoint to request. Credentials in it (`https://user:pass@host/…`) are
   * sent as `Authorization: Basic` (percent-decoded) and removed from the URL,
   * the same on every runtime; an `Authorization` header in `headers` wins.
   */
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
  const { name } = options;
  const { url, credentials } = withoutCredentials(name, parseCheckUrl(name, 'url', options.url, ['http:', 'https:'], 'must be an absolute http or https URL'));
  const method = checkMethod(name, options.method);
  const headers = checkHeaders(name, options.headers);
  if (credentials && !headers.has('Authorization')) headers.set('Authorization', basicAuthorization(credentials));
  const isExpected = statusExpectation(options.expectStatus, name);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const secrets = [
    ...(options.secrets ?? []),
    ...[...headers.values()],
    ...(credentials ? [credentials.user, credentials.password, credentials.rawUser, credentials.rawPassword].filter((s) => s.length >= 4) : []),
    ...[...url.searchParams.values()].filter((value) => value.length >= 8),
  ];

  return defineCheck({
    ...options,
    componentType: options.componentType ?? 'system',
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
        await discardBody(response);
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
      await discardBody(response);
      return { status: 'healthy', details };
    },
  });
}

// Why a reason: without one, undici's cancel builds a DOMException, stack trace and
// all, on every probe of every healthy check: the costliest step of one in a profile.
let unread: DOMException | undefined;

/** Drops a body the check does not read. */
async function discardBody(response: Response): Promise<void> {
  await response.body?.cancel((unread ??= new DOMException('the check does not read this body', 'AbortError'))).catch(() => {});
}

interface Credentials {
  user: string;
  password: string;
  rawUser: string;
  rawPassword: string;
}

/**
 * Why here and not left to fetch: Node's `Request` refuses a URL with
 * credentials and workerd silently drops them, so the check would fail on one
 * runtime and run unauthenticated on the other.
 */
function withoutCredentials(name: string, url: URL): { url: URL; credentials: Credentials | undefined } {
  if (url.username === '' && url.password === '') return { url, credentials: undefined };
  const credentials = { ...decodedUserInfo(name, 'url', url), rawUser: url.username, rawPassword: url.password };
  const bare = new URL(url);
  bare.username = '';
  bare.password = '';
  return { url: bare, credentials };
}

function basicAuthorization({ user, password }: Credentials): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

function checkMethod(name: string, method: unknown): string {
  if (method === undefined) return 'GET';
  if (typeof method === 'string' && /^[A-Za-z]{1,20}$/.test(method)) return method.toUpperCase();
  throw new CheckOptionError(name, 'method', 'must be an HTTP method such as "GET" or "HEAD"');
}

/** Why catch: `Headers` rejects an invalid header with a message that quotes the value. */
function checkHeaders(name: string, headers: unknown): Headers {
  const invalid = new CheckOptionError(name, 'headers', 'must be an object of header names and string values valid in HTTP');
  if (headers === undefined) return new Headers();
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) throw invalid;
  if (!Object.values(headers).every((value) => typeof value === 'string')) throw invalid;
  try {
    return new Headers(headers as Record<string, string>);
  } catch {
    throw invalid;
  }
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
