/**
 * One processor per HTTP event shape Lambda delivers: each recognises its
 * shape by the fields only it carries, reads it into a `Request`, and writes
 * the `Response` back in the result form that source expects.
 */
import { readResponseBody, splitHeaders, statusDescription, toMultiValue, withFirstCookie } from './encoding.ts';
import {
  buildRequest,
  describeValue,
  has,
  isRecord,
  LambdaEventError,
  optionalString,
  pick,
  readMixedPairs,
  readPairs,
  readRequestBody,
  requireString,
} from './read-event.ts';
import type * as Shapes from './types.ts';

/** API Gateway REST APIs, and HTTP APIs on payload format 1.0. */
export const apiGatewayV1: Shapes.EventProcessor<Shapes.ApiGatewayV1Event, Shapes.ApiGatewayV1Result> = {
  label: 'API Gateway REST (v1)',
  // Payload 1.0 of an HTTP API also says `version: "1.0"`, but so does an AWS Config event: only with a request context and a path is it HTTP.
  detect: (event): event is Record<string, unknown> & Shapes.ApiGatewayV1Event =>
    has(event, 'httpMethod') || (event['version'] === '1.0' && isRecord(event['requestContext']) && has(event, 'path')),

  toRequest(event) {
    const method = requireString(event, 'httpMethod');
    const search = new URLSearchParams(readPairs(event, 'queryStringParameters', 'multiValueQueryStringParameters'));
    return buildRequest({
      method,
      // `path` is the route the app knows: a REST API leaves out the stage
      // (`requestContext.path` has it), an HTTP API keeps a named one as the client sent it.
      path: requireString(event, 'path'),
      search: search.toString(),
      headers: readPairs(event, 'headers', 'multiValueHeaders'),
      body: readRequestBody(event, method),
      fallbackHost: pick(event, 'requestContext', 'domainName'),
      sourceIp: pick(event, 'requestContext', 'identity', 'sourceIp'),
    });
  },

  async toResult(event, response) {
    const headers = splitHeaders(response.headers);
    const base = { statusCode: response.status, ...(await readResponseBody(response, pick(event, 'httpMethod'))) };
    if (isRecord(pick(event, 'multiValueHeaders'))) return { ...base, multiValueHeaders: toMultiValue(headers) };
    // API Gateway merges `headers` and `multiValueHeaders`; only the latter can repeat Set-Cookie.
    return headers.cookies.length > 1
      ? { ...base, headers: headers.single, multiValueHeaders: { 'set-cookie': headers.cookies } }
      : { ...base, headers: withFirstCookie(headers) };
  },
};

/** HTTP APIs on payload format 2.0, and Lambda Function URLs. */
export const apiGatewayV2: Shapes.EventProcessor<Shapes.ApiGatewayV2Event, Shapes.ApiGatewayV2Result> = {
  label: 'HTTP API / Function URL (v2)',
  // VPC Lattice V2 also says `version: "2.0"`, but has no `rawPath` and no `requestContext.http`.
  detect: (event): event is Record<string, unknown> & Shapes.ApiGatewayV2Event =>
    event['version'] === '2.0' && (has(event, 'rawPath') || isRecord(pick(event, 'requestContext', 'http'))),

  toRequest(event) {
    const method = requireString(event, 'requestContext', 'http', 'method');
    const headers = readPairs(event, 'headers');
    const cookies = readCookies(event);
    if (cookies.length > 0) headers.push(['cookie', cookies.join('; ')]);
    return buildRequest({
      method,
      path: requireString(event, 'rawPath'),
      search: optionalString(event, 'rawQueryString') ?? '',
      headers,
      body: readRequestBody(event, method),
      fallbackHost: pick(event, 'requestContext', 'domainName'),
      sourceIp: pick(event, 'requestContext', 'http', 'sourceIp'),
    });
  },

  async toResult(event, response) {
    const { single, cookies } = splitHeaders(response.headers);
    const body = await readResponseBody(response, pick(event, 'requestContext', 'http', 'method'));
    return { statusCode: response.status, headers: single, ...(cookies.length > 0 ? { cookies } : {}), ...body };
  },
};

function readCookies(event: unknown): string[] {
  const cookies = pick(event, 'cookies');
  if (cookies === undefined || cookies === null) return [];
  if (Array.isArray(cookies) && cookies.every((cookie) => typeof cookie === 'string')) return cookies as string[];
  throw new LambdaEventError('malformed', `"cookies" should be an array of strings but is ${describeValue(cookies)}.`);
}

/** Application Load Balancer target groups, with or without multi-value headers. */
export const alb: Shapes.EventProcessor<Shapes.AlbEvent, Shapes.AlbResult> = {
  label: 'ALB',
  detect: (event): event is Record<string, unknown> & Shapes.AlbEvent => isRecord(pick(event, 'requestContext', 'elb')),

  toRequest(event) {
    const method = requireString(event, 'httpMethod');
    // ALB passes query keys and values percent-encoded as the client sent them.
    const query = readPairs(event, 'queryStringParameters', 'multiValueQueryStringParameters');
    return buildRequest({
      method,
      path: requireString(event, 'path'),
      search: query.map(([key, value]) => `${key}=${value}`).join('&'),
      headers: readPairs(event, 'headers', 'multiValueHeaders'),
      body: readRequestBody(event, method),
    });
  },

  async toResult(event, response) {
    const headers = splitHeaders(response.headers);
    const base = {
      statusCode: response.status,
      statusDescription: statusDescription(response),
      ...(await readResponseBody(response, pick(event, 'httpMethod'))),
    };
    // The target group decides: multi-value events must be answered with multiValueHeaders only.
    if (isRecord(pick(event, 'multiValueHeaders'))) return { ...base, multiValueHeaders: toMultiValue(headers) };
    return { ...base, headers: withFirstCookie(headers) };
  },
};

/** Splits a path that carries its query string, as VPC Lattice sends it. */
function splitPath(pathWithQuery: string): { path: string; search: string | undefined } {
  const at = pathWithQuery.indexOf('?');
  return at === -1 ? { path: pathWithQuery, search: undefined } : { path: pathWithQuery.slice(0, at), search: pathWithQuery.slice(at + 1) };
}

/** What tells VPC Lattice's two event structures apart once detected: field names, and how header and query maps are shaped. */
interface LatticeFields {
  path: string;
  query: string;
  base64Flag: string;
  readMap: (event: unknown, field: string) => Array<[string, string]>;
}

/**
 * VPC Lattice sends the query as the client sent it inside the path (per its
 * User Guide); AWS's V2 sample keeps it apart in `queryStringParameters`, so
 * the parameters are used only when the path has none.
 */
function latticeProcessor<E extends object>(label: string, detect: Shapes.EventProcessor<E>['detect'], fields: LatticeFields): Shapes.EventProcessor<E, Shapes.VpcLatticeResult> {
  return {
    label,
    detect,
    toRequest(event) {
      const method = requireString(event, 'method');
      const { path, search } = splitPath(requireString(event, fields.path));
      return buildRequest({
        method,
        path,
        search: search ?? new URLSearchParams(fields.readMap(event, fields.query)).toString(),
        headers: fields.readMap(event, 'headers'),
        body: readRequestBody(event, method, fields.base64Flag),
      });
    },
    async toResult(event, response) {
      return {
        statusCode: response.status,
        statusDescription: statusDescription(response),
        headers: withFirstCookie(splitHeaders(response.headers)),
        ...(await readResponseBody(response, pick(event, 'method'))),
      };
    },
  };
}

/** VPC Lattice target groups with event structure V1: snake_case fields, repeated headers comma-joined. */
export const vpcLatticeV1: Shapes.EventProcessor<Shapes.VpcLatticeV1Event, Shapes.VpcLatticeResult> = latticeProcessor<Shapes.VpcLatticeV1Event>(
  'VPC Lattice (v1)',
  (event): event is Record<string, unknown> & Shapes.VpcLatticeV1Event => has(event, 'raw_path'),
  { path: 'raw_path', query: 'query_string_parameters', base64Flag: 'is_base64_encoded', readMap: (event, field) => readPairs(event, field) },
);

/** VPC Lattice target groups with event structure V2: values listed (User Guide) or plain (AWS's sample). */
export const vpcLatticeV2: Shapes.EventProcessor<Shapes.VpcLatticeV2Event, Shapes.VpcLatticeResult> = latticeProcessor<Shapes.VpcLatticeV2Event>(
  'VPC Lattice (v2)',
  (event): event is Record<string, unknown> & Shapes.VpcLatticeV2Event =>
    has(event['requestContext'], 'serviceNetworkArn') || has(event['requestContext'], 'serviceArn'),
  { path: 'path', query: 'queryStringParameters', base64Flag: 'isBase64Encoded', readMap: readMixedPairs },
);
