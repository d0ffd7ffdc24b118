import { buildRequest } from './build-request.ts';
import { isRecord } from './is-record.ts';
import { pick } from './pick.ts';
import { readPairs, requireString } from './read-event-fields.ts';
import { readRequestBody } from './read-request-body.ts';
import { readResponseBody } from './read-response-body.ts';
import { splitHeaders, toMultiValue } from './split-headers.ts';
import { statusDescription } from './status-description.ts';
import type { AlbEvent, AlbResult, EventProcessor } from './types.ts';

/** Application Load Balancer target groups, with or without multi-value headers. */
export const alb: EventProcessor<AlbEvent, AlbResult> = {
  label: 'ALB',
  detect: (event): event is AlbEvent => isRecord(pick(event, 'requestContext', 'elb')),

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
    // Without multi-value headers ALB can carry one Set-Cookie; joining them would corrupt all.
    const [firstCookie] = headers.cookies;
    return { ...base, headers: firstCookie === undefined ? headers.single : { ...headers.single, 'set-cookie': firstCookie } };
  },
};
