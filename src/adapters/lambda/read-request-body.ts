import { decodeBase64 } from './decode-base64.ts';
import { LambdaEventError } from './lambda-event-error.ts';
import { pick } from './pick.ts';
import { optionalString } from './read-event-fields.ts';

/** The request body, decoded from base64 when flagged; `null` for GET and HEAD, which may not carry one. */
export function readRequestBody(event: unknown, method: string): Uint8Array<ArrayBuffer> | string | null {
  if (/^(GET|HEAD)$/i.test(method)) return null;
  const body = optionalString(event, 'body');
  if (body === undefined || body === '') return null;
  if (pick(event, 'isBase64Encoded') !== true) return body;
  const bytes = decodeBase64(body);
  if (bytes === undefined) throw new LambdaEventError('"body" is flagged isBase64Encoded but is not valid base64.');
  return bytes;
}
