import { buildRequest } from './build-request.ts';
import { isRecord } from './is-record.ts';
import { pick } from './pick.ts';
import { readPairs, requireString } from './read-event-fields.ts';
import { readRequestBody } from './read-request-body.ts';
import { readResponseBody } from './read-response-body.ts';
import { splitHeaders, toMultiValue } from './split-headers.ts';
import type { ApiGatewayV1Event, ApiGatewayV1Result, EventProcessor } from './types.ts';

/** API Gateway REST APIs, and HTTP APIs on payload format 1.0. */
export const apiGatewayV1: EventProcessor<ApiGatewayV1Event, ApiGatewayV1Result> = {
  label: 'API Gateway REST (v1)',
  detect: (event): event is ApiGatewayV1Event => 'httpMethod' in event || pick(event, 'version') === '1.0',

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
    const [onlyCookie, ...moreCookies] = headers.cookies;
    if (onlyCookie === undefined) return { ...base, headers: headers.single };
    // API Gateway merges `headers` and `multiValueHeaders`; only the latter can repeat Set-Cookie.
    return moreCookies.length === 0
      ? { ...base, headers: { ...headers.single, 'set-cookie': onlyCookie } }
      : { ...base, headers: headers.single, multiValueHeaders: { 'set-cookie': headers.cookies } };
  },
};
