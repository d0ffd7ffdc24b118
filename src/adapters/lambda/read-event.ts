import { decodeBase64 } from './encoding.ts';

/**
 * Why the event cannot be served: `not_http` fails the invocation (the event
 * comes from a trigger this function should not have), `malformed` is answered
 * 400 and `method_not_allowed` 405. The message is safe to show: it names
 * fields and types, never a value that could be a credential.
 */
export type LambdaEventErrorCode = 'not_http' | 'malformed' | 'method_not_allowed';

/** A Lambda event that cannot become a `Request`. */
export class LambdaEventError extends Error {
  override name = 'LambdaEventError' as const;
  readonly code: LambdaEventErrorCode;

  constructor(code: LambdaEventErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}

/** Checks the name, not the class, so that it works across module copies and realms. */
export const isLambdaEventError = (error: unknown): error is LambdaEventError =>
  error instanceof Error && error.name === 'LambdaEventError';

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether `value` is an object with `key` as its own field (present even if `undefined`). */
export const has = (value: unknown, key: string): boolean => isRecord(value) && Object.hasOwn(value, key);

/** Reads a nested field of an untrusted value without throwing: `pick(event, 'requestContext', 'http', 'method')`. */
export function pick(value: unknown, ...keys: readonly string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (!isRecord(current) || !has(current, key)) return undefined;
    current = current[key];
  }
  return current;
}

/** Names a value's type for an error message, never its content: event fields may carry credentials. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (value === '') return 'an empty string';
  const type = typeof value;
  return type === 'object' ? 'an object' : `a ${type}`;
}

const malformed = (message: string): LambdaEventError => new LambdaEventError('malformed', message);

export function requireString(event: unknown, ...path: readonly string[]): string {
  const value = pick(event, ...path);
  if (typeof value === 'string' && value !== '') return value;
  const field = path.join('.');
  if (value === undefined) throw malformed(`"${field}" is missing.`);
  throw malformed(`"${field}" should be a non-empty string but is ${describeValue(value)}.`);
}

export function optionalString(event: unknown, ...path: readonly string[]): string | undefined {
  const value = pick(event, ...path);
  if (value === undefined || value === null || typeof value === 'string') return value ?? undefined;
  throw malformed(`"${path.join('.')}" should be a string but is ${describeValue(value)}.`);
}

/**
 * Reads a `{ name: value }` map, a `{ name: [values] }` map (`multi`, preferred
 * as it keeps repeats) or, with `mixed`, a map holding either per entry (VPC
 * Lattice v2 documents lists, AWS's samples show strings) into name/value pairs.
 * AWS sends `null` for an empty map.
 */
export function readPairs(event: unknown, single: string, multi?: string): Array<[string, string]> {
  const many = multi === undefined ? undefined : pick(event, multi);
  if (multi !== undefined && many !== undefined && many !== null) return mapPairs(many, multi, 'list');
  const one = pick(event, single);
  return one === undefined || one === null ? [] : mapPairs(one, single, 'string');
}

/** A map whose entries may each be a string or a list of strings. */
export function readMixedPairs(event: unknown, field: string): Array<[string, string]> {
  const map = pick(event, field);
  return map === undefined || map === null ? [] : mapPairs(map, field, 'either');
}

function mapPairs(map: unknown, field: string, shape: 'string' | 'list' | 'either'): Array<[string, string]> {
  const expected = { string: 'strings', list: 'string arrays', either: 'strings or string arrays' }[shape];
  if (!isRecord(map)) throw malformed(`"${field}" should be an object of ${expected} but is ${describeValue(map)}.`);
  const pairs: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(map)) {
    if (value === undefined || value === null) continue;
    if (typeof value === 'string' && shape !== 'list') {
      pairs.push([name, value]);
    } else if (Array.isArray(value) && shape !== 'string' && value.every((item) => typeof item === 'string')) {
      for (const item of value as string[]) pairs.push([name, item]);
    } else {
      const wanted = { string: 'a string', list: 'an array of strings', either: 'a string or an array of strings' }[shape];
      throw malformed(`"${field}" entry "${clip(name)}" should be ${wanted} but is ${describeValue(value)}.`);
    }
  }
  return pairs;
}

/** The request body, decoded from base64 when flagged; `null` for GET and HEAD, which may not carry one. */
export function readRequestBody(event: unknown, method: string, base64Flag = 'isBase64Encoded'): Uint8Array<ArrayBuffer> | string | null {
  if (/^(GET|HEAD)$/i.test(method)) return null;
  const body = optionalString(event, 'body');
  if (body === undefined || body === '') return null;
  if (pick(event, base64Flag) !== true) return body;
  const bytes = decodeBase64(body);
  if (bytes === undefined) throw malformed(`"body" is flagged ${base64Flag} but is not valid base64.`);
  return bytes;
}

export interface RequestParts {
  method: string;
  /** Starts with `/`; characters a URL path cannot hold are percent-encoded here. */
  path: string;
  /** The query string without `?`, percent-encoded as in a URL. */
  search: string;
  headers: ReadonlyArray<readonly [string, string]>;
  body: Uint8Array<ArrayBuffer> | string | null;
  /** Used when the Host header is missing or no valid host, e.g. `requestContext.domainName`. Ignored unless a string. */
  fallbackHost?: unknown;
  /** Becomes `x-forwarded-for` when the event has none. Ignored unless a string. */
  sourceIp?: unknown;
}

/** Stands in for a host the event does not name; `.invalid` is reserved for exactly this (RFC 2606). */
export const PLACEHOLDER_HOST = 'lambda.invalid';

/** The methods edge-health serves, for `Allow` on a 405. */
export const ALLOWED_METHODS = 'GET, HEAD';

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HOST = /^(?:[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;
/** Methods fetch's `Request` refuses to carry. */
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

export function buildRequest(parts: RequestParts): Request {
  // Fetch upper-cases only six methods; a gateway may pass `patch` as sent.
  const method = parts.method.toUpperCase();
  if (!TOKEN.test(method)) {
    throw new LambdaEventError('method_not_allowed', `"${clip(parts.method)}" is not a valid HTTP method; use GET or HEAD.`);
  }
  if (FORBIDDEN_METHODS.has(method)) {
    // The router's own words for a method it does not serve.
    throw new LambdaEventError('method_not_allowed', `Method ${method} is not allowed here; use GET or HEAD.`);
  }
  if (!parts.path.startsWith('/')) throw malformed(`The request path should start with "/" but is "${clip(parts.path)}".`);

  const headers = new Headers();
  for (const [name, value] of parts.headers) {
    try {
      headers.append(name, value);
    } catch {
      // The platform's message quotes the value, which may be a credential.
      throw malformed(`The header "${clip(name)}" has an invalid name or value.`);
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

/**
 * Why lenient: AWS's console test events carry placeholder hosts such as
 * `<url-id>.lambda-url…` or `*.execute-api…`; the health answer does not depend
 * on the host, so a host that is no URL host falls back instead of failing.
 */
function hostOf(headers: Headers, fallback: unknown): string {
  const host = headers.get('host');
  if (host !== null && isUrlHost(host)) return host;
  return typeof fallback === 'string' && isUrlHost(fallback) ? fallback : PLACEHOLDER_HOST;
}

function isUrlHost(host: string): boolean {
  return HOST.test(host) && URL.canParse(`https://${host}`);
}

export const clip = (text: string): string => (text.length > 64 ? `${text.slice(0, 64)}…` : text);
