import { readFileSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';

/** The HTTP event shapes Lambda delivers, each built from its recorded AWS sample in test/fixtures/lambda. */
export type LambdaEventKind = 'api-gateway-v1' | 'api-gateway-v2' | 'function-url' | 'alb' | 'alb-multi-value' | 'vpc-lattice-v1' | 'vpc-lattice-v2';

export const LAMBDA_EVENT_LABELS: Record<LambdaEventKind, string> = {
  'api-gateway-v1': 'API Gateway REST (v1)',
  'api-gateway-v2': 'HTTP API (v2)',
  'function-url': 'Function URL',
  alb: 'ALB',
  'alb-multi-value': 'ALB, multi-value headers',
  'vpc-lattice-v1': 'VPC Lattice, event structure V1',
  'vpc-lattice-v2': 'VPC Lattice, event structure V2',
};

const FIXTURES: Record<LambdaEventKind, string> = {
  'api-gateway-v1': 'api-gateway-v1.json',
  'api-gateway-v2': 'api-gateway-v2.json',
  'function-url': 'function-url.json',
  alb: 'alb-single-value.json',
  'alb-multi-value': 'alb-multi-value.json',
  'vpc-lattice-v1': 'vpc-lattice-v1.json',
  'vpc-lattice-v2': 'vpc-lattice-v2.json',
};

type Json = Record<string, unknown>;

const fixture = (kind: LambdaEventKind): Json =>
  JSON.parse(readFileSync(new URL(`../../fixtures/lambda/${FIXTURES[kind]}`, import.meta.url), 'utf8')) as Json;

const record = (value: unknown): Json => (typeof value === 'object' && value !== null ? (value as Json) : {});

/** Query pairs as the client sent them (still percent-encoded), and decoded. */
function queryOf(url: URL): { raw: [string, string][]; decoded: [string, string][] } {
  const search = url.search.slice(1);
  const raw = search === '' ? [] : search.split('&').map((pair): [string, string] => {
    const at = pair.indexOf('=');
    return at === -1 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
  });
  return { raw, decoded: [...url.searchParams] };
}

const group = (pairs: [string, string][]): Record<string, string[]> => {
  const grouped: Record<string, string[]> = {};
  for (const [key, value] of pairs) (grouped[key] ??= []).push(value);
  return grouped;
};

const lastOf = (grouped: Record<string, string[]>): Record<string, string> =>
  Object.fromEntries(Object.entries(grouped).map(([key, values]) => [key, values.at(-1) ?? '']));

/**
 * The request's headers over the sample's: the sample keeps what the platform adds
 * (Host, X-Forwarded-*, trace ids), the request wins where both name a header.
 */
function headersOver(sample: unknown, request: Request): Record<string, string[]> {
  const merged: Record<string, string[]> = {};
  const own = new Set([...request.headers.keys()]);
  for (const [name, value] of Object.entries(record(sample))) {
    if (own.has(name.toLowerCase())) continue;
    merged[name] = Array.isArray(value) ? value.map(String) : [String(value)];
  }
  for (const [name, value] of request.headers) if (name !== 'cookie') (merged[name] ??= []).push(value);
  return merged;
}

/** HTTP API (v2) joins a repeated header with commas, VPC Lattice V1 with a comma and a space. */
const joined = (headers: Record<string, string[]>, separator = ','): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).map(([name, values]) => [name, values.join(separator)]));

/** The event Lambda would deliver for `request`, in the shape `kind`. */
export async function toLambdaEvent(kind: LambdaEventKind, request: Request): Promise<Json> {
  const event = fixture(kind);
  const url = new URL(request.url);
  const method = request.method;
  const text = method === 'GET' || method === 'HEAD' ? '' : await request.text();
  const query = queryOf(url);
  const cookie = request.headers.get('cookie');

  switch (kind) {
    case 'api-gateway-v1': {
      const context = record(event.requestContext);
      const headers = headersOver(event.multiValueHeaders, request);
      const decoded = group(query.decoded);
      return {
        ...event,
        httpMethod: method,
        path: url.pathname,
        pathParameters: { proxy: url.pathname.slice(1) },
        // A REST API's single-value map keeps the last of repeated values.
        headers: lastOf(headers),
        multiValueHeaders: headers,
        // API Gateway decodes the query, and sends null rather than {} for none.
        queryStringParameters: query.decoded.length === 0 ? null : lastOf(decoded),
        multiValueQueryStringParameters: query.decoded.length === 0 ? null : decoded,
        requestContext: { ...context, httpMethod: method, path: `/${String(context.stage)}${url.pathname}` },
        body: text === '' ? null : text,
        isBase64Encoded: false,
      };
    }
    case 'api-gateway-v2':
    case 'function-url': {
      const context = record(event.requestContext);
      const decoded = group(query.decoded);
      const v2: Json = {
        ...event,
        rawPath: url.pathname,
        rawQueryString: url.search.slice(1),
        headers: joined(headersOver(event.headers, request)),
        requestContext: { ...context, http: { ...record(context.http), method, path: url.pathname } },
        isBase64Encoded: false,
      };
      // v2 leaves out what is empty: no query parameters, no cookies, no body.
      delete v2.queryStringParameters;
      delete v2.cookies;
      delete v2.body;
      if (query.decoded.length > 0) v2.queryStringParameters = Object.fromEntries(Object.entries(decoded).map(([key, values]) => [key, values.join(',')]));
      if (cookie) v2.cookies = cookie.split('; ');
      if (text !== '') v2.body = text;
      return v2;
    }
    case 'alb':
    case 'alb-multi-value': {
      // ALB passes the query percent-encoded as the client sent it.
      const multi = kind === 'alb-multi-value';
      const headers = headersOver(multi ? event.multiValueHeaders : event.headers, request);
      const alb: Json = { ...event, httpMethod: method, path: url.pathname, body: text, isBase64Encoded: false };
      delete alb.headers;
      delete alb.multiValueHeaders;
      delete alb.queryStringParameters;
      delete alb.multiValueQueryStringParameters;
      if (multi) {
        alb.multiValueHeaders = headers;
        alb.multiValueQueryStringParameters = group(query.raw);
      } else {
        // Without multi-value headers, ALB keeps the last of repeated values.
        alb.headers = lastOf(headers);
        alb.queryStringParameters = lastOf(group(query.raw));
      }
      return alb;
    }
    case 'vpc-lattice-v1':
    case 'vpc-lattice-v2': {
      // Both carry the query, as the client sent it, in the path; V1 comma-joins repeated headers and keeps the last of repeated parameters, V2 lists them.
      const v2 = kind === 'vpc-lattice-v2';
      const headers = headersOver(event.headers, request);
      if (cookie) headers.cookie = [cookie];
      const decoded = group(query.decoded);
      const lattice: Json = v2
        ? { ...event, path: url.pathname + url.search, method, headers, queryStringParameters: decoded, isBase64Encoded: false }
        : { ...event, raw_path: url.pathname + url.search, method, headers: joined(headers, ', '), query_string_parameters: lastOf(decoded), is_base64_encoded: false };
      delete lattice.body;
      if (text !== '') lattice.body = text;
      return lattice;
    }
  }
}

class LambdaResultError extends Error {
  override name = 'LambdaResultError' as const;
}

const stringMap = (value: unknown, field: string): Record<string, string> => {
  const map = record(value);
  for (const [name, item] of Object.entries(map)) {
    if (typeof item !== 'string') throw new LambdaResultError(`${field}.${name} must be a string, got ${JSON.stringify(item)}`);
  }
  return map as Record<string, string>;
};

const listMap = (value: unknown, field: string): Record<string, string[]> => {
  const map = record(value);
  for (const [name, items] of Object.entries(map)) {
    if (!Array.isArray(items) || !items.every((item) => typeof item === 'string')) {
      throw new LambdaResultError(`${field}.${name} must be a list of strings, got ${JSON.stringify(items)}`);
    }
  }
  return map as Record<string, string[]>;
};

/**
 * The HTTP response the event's source makes of the handler's result. Throws
 * where the source would reject the result, so that a broken shape fails a case.
 */
export function fromLambdaResult(kind: LambdaEventKind, event: Json, value: unknown): Response {
  const result = record(value);
  const { statusCode, body, isBase64Encoded } = result;
  if (!Number.isInteger(statusCode)) throw new LambdaResultError(`statusCode must be an integer, got ${JSON.stringify(statusCode)}`);
  if (typeof body !== 'string') throw new LambdaResultError(`body must be a string, got ${JSON.stringify(body)}`);
  if (typeof isBase64Encoded !== 'boolean') throw new LambdaResultError('isBase64Encoded must be a boolean');
  const status = statusCode as number;

  const headers = new Headers();
  // VPC Lattice reads the fields of a single-value ALB target group.
  if (kind === 'alb' || kind === 'alb-multi-value' || kind === 'vpc-lattice-v1' || kind === 'vpc-lattice-v2') {
    // A target group with multi-value headers reads only multiValueHeaders, one without only headers.
    const multi = kind === 'alb-multi-value';
    const wanted = multi ? 'multiValueHeaders' : 'headers';
    const unwanted = multi ? 'headers' : 'multiValueHeaders';
    if (!(wanted in result) || unwanted in result) throw new LambdaResultError(`${LAMBDA_EVENT_LABELS[kind]} needs ${wanted} and no ${unwanted}`);
    const description = `${status} ${STATUS_CODES[status] ?? ''}`.trim();
    if (result.statusDescription !== description) throw new LambdaResultError(`statusDescription must be "${description}", got ${JSON.stringify(result.statusDescription)}`);
  }
  for (const [name, item] of Object.entries(stringMap(result.headers, 'headers'))) headers.set(name, item);
  // API Gateway merges both maps; a list replaces a single value of the same name.
  for (const [name, items] of Object.entries(listMap(result.multiValueHeaders, 'multiValueHeaders'))) {
    headers.delete(name);
    for (const item of items) headers.append(name, item);
  }
  if (kind === 'api-gateway-v2' || kind === 'function-url') {
    for (const cookie of (result.cookies as string[] | undefined) ?? []) headers.append('set-cookie', cookie);
  }

  const method = String(event.httpMethod ?? event.method ?? record(record(event.requestContext).http).method);
  if (method === 'HEAD') {
    if (body !== '') throw new LambdaResultError('a HEAD result must have an empty body');
    return new Response(null, { status, headers });
  }
  const bytes = isBase64Encoded ? Buffer.from(body, 'base64') : body;
  return new Response(bytes.length === 0 ? null : bytes, { status, headers });
}

let invocation = 0;

/** The part of Lambda's context object the handler reads. */
export const lambdaContext = (): Json => ({
  awsRequestId: `conformance-${++invocation}`,
  functionName: 'edge-health',
  getRemainingTimeInMillis: () => 10_000,
});
