import fc from 'fast-check';

/** A request as a hostile or careless caller might send it, before any client library tidies it. */
export interface HostileRequest {
  method: string;
  /** The request target: path and query, still percent-encoded. */
  target: string;
  headers: [string, string][];
}

export interface HostileRequestOptions {
  /** Check names the deployment has, for `/ready/<name>` and `?exclude=`. */
  checkNames: readonly string[];
  /** The real details token: the generator also sends near misses of it. */
  detailsToken: string;
  /** The longest query or header value to send. */
  maxBytes: number;
}

/** Methods `new Request()` refuses (fetch's forbidden methods): only raw sockets can send them. */
export const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

const TOKEN_CHARS = "!#$%&'*+-.^_`|~";
const methodToken = fc.stringMatching(new RegExp(`^[A-Za-z0-9${TOKEN_CHARS.replace(/[-\]\\^]/g, '\\$&')}]{1,16}$`));

const method = fc.oneof(
  fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'CONNECT', 'TRACK', 'PROPFIND', 'get', 'Head', 'M-SEARCH'),
  methodToken,
);

/** Bytes a path may carry once percent-encoded: anything, including `/`, `.`, `%` and NUL. */
const encodedSegment = fc.string({ unit: 'binary', maxLength: 12 }).map((text) => encodeURIComponent(text).replace(/\./g, '%2e'));

const oddSegment = fc.constantFrom('%2e%2e', '..', '%2e%2e%2f', '%ZZ', '%', '%2', '%00', '%c0%ae', '%ff%fe', '%252e', ';', ':', '~', '*', '@', '');

function pathOf(checkNames: readonly string[]): fc.Arbitrary<string> {
  const known = fc.constantFrom(
    '/health',
    '/health/live',
    '/health/ready',
    '/health/startup',
    ...checkNames.map((name) => `/health/ready/${encodeURIComponent(name)}`),
    '/',
    '/HEALTH/LIVE',
    '/health//live',
    '/health/live/',
    '/health/%2e%2e/health/live',
    '/health/ready/%2e%2e/live',
    '/health/ready/%ZZ',
    '/%2e%2e/%2e%2e/etc/passwd',
  );
  const tail = fc.array(fc.oneof(encodedSegment, oddSegment), { maxLength: 4 }).map((segments) => segments.map((s) => `/${s}`).join(''));
  return fc.oneof({ arbitrary: known, weight: 3 }, fc.tuple(known, tail).map(([head, rest]) => `${head}${rest}`));
}

function queryOf(checkNames: readonly string[], maxBytes: number): fc.Arbitrary<string> {
  const name = fc.oneof(fc.constantFrom(...checkNames, '', 'nope', '%ZZ', '..'), encodedSegment);
  const exclude = fc.array(name, { maxLength: 6 }).map((names) => `exclude=${names.join(',')}`);
  const pair = fc.oneof(
    exclude,
    fc.constantFrom('verbose', 'verbose=1', 'verbose=%ZZ', 'format=json', '=', '&&', 'exclude', 'exclude=%2C%2C'),
    fc.tuple(encodedSegment, encodedSegment).map(([key, value]) => `${key}=${value}`),
    fc.integer({ min: 1, max: maxBytes }).map((n) => `pad=${'a'.repeat(n)}`),
  );
  return fc.oneof(fc.constant(''), fc.array(pair, { minLength: 1, maxLength: 4 }).map((pairs) => `?${pairs.join('&')}`));
}

function authorizationOf(detailsToken: string, maxBytes: number): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    fc.constant(undefined),
    fc.constant(`Bearer ${detailsToken}`),
    fc.constantFrom(
      `Bearer ${detailsToken.slice(0, -1)}`,
      `Bearer ${detailsToken}x`,
      `bearer ${detailsToken}`,
      `Bearer  ${detailsToken}`,
      `Basic ${btoa(`user:${detailsToken}`)}`,
      'Bearer',
      'Bearer ',
      '',
    ),
    fc.string({ unit: 'grapheme-ascii', maxLength: 64 }).map((text) => `Bearer ${text.replace(/[\r\n]/g, '')}`),
    fc.integer({ min: 1, max: maxBytes }).map((n) => `Bearer ${'t'.repeat(n)}`),
  );
}

const accept = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom('application/health+json', 'application/json', 'text/plain', '*/*', 'text/html', 'application/health+json;q=0', 'application/*;q=0.5, text/*', ';;;,,', 'ä'),
  fc.string({ unit: 'grapheme-ascii', maxLength: 40 }).map((text) => text.replace(/[\r\n]/g, '')),
);

/** Requests with hostile methods, paths, queries and headers, for the health endpoints. */
export function hostileRequest(options: HostileRequestOptions): fc.Arbitrary<HostileRequest> {
  const { checkNames, detailsToken, maxBytes } = options;
  return fc
    .record({
      method,
      path: pathOf(checkNames),
      query: queryOf(checkNames, maxBytes),
      authorization: authorizationOf(detailsToken, maxBytes),
      accept,
      padding: fc.option(fc.integer({ min: 1, max: maxBytes }), { nil: undefined }),
    })
    .map(({ method: verb, path, query, authorization, accept: type, padding }) => {
      const headers: [string, string][] = [];
      if (authorization !== undefined) headers.push(['Authorization', authorization]);
      if (type !== undefined) headers.push(['Accept', type]);
      if (padding !== undefined) headers.push(['X-Padding', 'p'.repeat(padding)]);
      return { method: verb, target: `${path}${query}`, headers };
    });
}

/** The request as bytes on the wire, asking the server to close the connection after answering. */
export function rawRequestText(request: HostileRequest, host: string): string {
  const headers = [['Host', host], ...request.headers, ['Connection', 'close']].map(([name, value]) => `${name}: ${value}\r\n`).join('');
  return `${request.method} ${request.target} HTTP/1.1\r\n${headers}\r\n`;
}

/** The status of a raw HTTP answer, or undefined when the server said nothing parseable. */
export function rawStatus(answer: string): number | undefined {
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(answer);
  return match ? Number(match[1]) : undefined;
}
