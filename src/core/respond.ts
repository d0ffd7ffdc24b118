import { withoutRotationToken } from './rotation-token.ts';
import { textResponse } from './shortcuts.ts';

/** Headers every health response carries: probes must never see a cached answer. */
export const HEALTH_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
};

/** {@link HEALTH_HEADERS} with names in lower case, as every answer's fields start. */
const BASE_FIELDS = lowerCased(HEALTH_HEADERS);

/**
 * A text answer with the health headers, its content type and `extra` over
 * them (as `Headers.set` would: names are case-insensitive), field names in
 * lower case, built once per answer.
 */
export function respond(body: string, status: number, contentType: string, extra?: Readonly<Record<string, string>>): Response {
  const fields: Record<string, string> = { ...BASE_FIELDS, 'content-type': contentType };
  if (extra) for (const name in extra) fields[name.toLowerCase()] = extra[name] as string;
  return textResponse(body, { status, headers: fields });
}

function lowerCased(headers: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  const fields: Record<string, string> = {};
  for (const name in headers) fields[name.toLowerCase()] = headers[name] as string;
  return fields;
}

export const jsonResponse = (value: unknown, status: number, contentType = 'application/json'): Response =>
  respond(JSON.stringify(value), status, `${contentType}; charset=utf-8`);

/**
 * A 4xx or 5xx with a readable JSON body: `{ status: 'error', error: message }`.
 * Messages quote the request (a path, a method, a name), which must not be able
 * to carry the in-rotation token into an answer that is not a 200.
 */
export const errorResponse = (status: number, message: string, headers?: Record<string, string>): Response =>
  respond(JSON.stringify({ status: 'error', error: withoutRotationToken(message) }), status, 'application/json; charset=utf-8', headers);
