import { detectEvent } from './detect-event.ts';
import { readResponseBody } from './read-response-body.ts';
import { splitHeaders } from './split-headers.ts';
import type { ApiGatewayV1Result, LambdaResult } from './types.ts';

/**
 * Turns a `Response` into the result the event's source expects. An event of
 * no known shape gets the plain `{ statusCode, headers, body }` form.
 *
 * @example
 * ```ts
 * return toResult(event, await app.fetch(toRequest(event)));
 * ```
 */
export async function toResult(event: unknown, response: Response): Promise<LambdaResult> {
  const detected = detectEvent(event);
  if (detected !== undefined) return detected.toResult(response);
  const plain: ApiGatewayV1Result = {
    statusCode: response.status,
    headers: splitHeaders(response.headers).single,
    ...(await readResponseBody(response, undefined)),
  };
  return plain;
}
