import { LambdaEventError } from './lambda-event-error.ts';

export interface RequestParts {
  method: string;
  /** Starts with `/`; characters a URL path cannot hold are percent-encoded here. */
  path: string;
  /** The query string without `?`, percent-encoded as in a URL. */
  search: string;
  headers: ReadonlyArray<readonly [string, string]>;
  body: Uint8Array<ArrayBuffer> | string | null;
  /** Used when there is no Host header, e.g. `requestContext.domainName`. Ignored unless a string. */
  fallbackHost?: unknown;
  /** Becomes `x-forwarded-for` when the event has none. Ignored unless a string. */
  sourceIp?: unknown;
}

/** Stands in for a host the event does not name; `.invalid` is reserved for exactly this (RFC 2606). */
export const PLACEHOLDER_HOST = 'lambda.invalid';

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HOST = /^(?:[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;
const UNSUPPORTED_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

export function buildRequest(parts: RequestParts): Request {
  // Fetch upper-cases only six methods; a gateway may pass `patch` as sent.
  const method = parts.method.toUpperCase();
  if (!TOKEN.test(method)) throw new LambdaEventError(`"${clip(parts.method)}" is not a valid HTTP method.`);
  if (UNSUPPORTED_METHODS.has(method)) throw new LambdaEventError(`The HTTP method ${method} is not supported here.`);
  if (!parts.path.startsWith('/')) throw new LambdaEventError(`The request path should start with "/" but is "${clip(parts.path)}".`);

  const headers = new Headers();
  for (const [name, value] of parts.headers) {
    try {
      headers.append(name, value);
    } catch {
      // The platform's message quotes the value, which may be a credential.
      throw new LambdaEventError(`The header "${clip(name)}" has an invalid name or value.`);
    }
  }
  if (!headers.has('x-forwarded-for') && typeof parts.sourceIp === 'string' && parts.sourceIp !== '') {
    headers.set('x-forwarded-for', parts.sourceIp);
  }

  const url = new URL(`${protocolOf(headers)}://${hostOf(headers, parts.fallbackHost)}`);
  url.pathname = parts.path;
  url.search = parts.search;
  return new Request(url, { method, headers, body: parts.body });
}

function protocolOf(headers: Headers): 'http' | 'https' {
  const first = headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return first === 'http' ? 'http' : 'https';
}

function hostOf(headers: Headers, fallback: unknown): string {
  const host = headers.get('host');
  if (host === null) return typeof fallback === 'string' && HOST.test(fallback) ? fallback : PLACEHOLDER_HOST;
  if (!HOST.test(host)) throw new LambdaEventError(`The Host header "${clip(host)}" is not a valid host name.`);
  return host;
}

const clip = (text: string): string => (text.length > 64 ? `${text.slice(0, 64)}…` : text);
