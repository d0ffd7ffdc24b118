import { buildRequest } from './build-request.ts';
import { describeValue } from './describe-value.ts';
import { LambdaEventError } from './lambda-event-error.ts';
import { pick } from './pick.ts';
import { optionalString, readPairs, requireString } from './read-event-fields.ts';
import { readRequestBody } from './read-request-body.ts';
import { readResponseBody } from './read-response-body.ts';
import { splitHeaders } from './split-headers.ts';
import type { ApiGatewayV2Event, ApiGatewayV2Result, EventProcessor } from './types.ts';

/** HTTP APIs on payload format 2.0, and Lambda Function URLs. */
export const apiGatewayV2: EventProcessor<ApiGatewayV2Event, ApiGatewayV2Result> = {
  label: 'HTTP API / Function URL (v2)',
  detect: (event): event is ApiGatewayV2Event => pick(event, 'version') === '2.0' || 'rawPath' in event,

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
  throw new LambdaEventError(`"cookies" should be an array of strings but is ${describeValue(cookies)}.`);
}
