import { withoutRotationToken } from './rotation-token.ts';
import { textResponse } from './shortcuts.ts';

/** Headers every health response carries: probes must never see a cached answer. */
export const HEALTH_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
};

export function respond(body: string, status: number, contentType: string, extra?: Readonly<Record<string, string>>): Response {
  const headers = { ...HEALTH_HEADERS, 'Content-Type': contentType };
  return textResponse(body, { status, headers: extra ? overridden(headers, extra) : headers });
}

/** `extra` over `headers`, as `Headers.set` would (names are case-insensitive): names in lower case. */
function overridden(headers: Readonly<Record<string, string>>, extra: Readonly<Record<string, string>>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const name in headers) fields[name.toLowerCase()] = headers[name] as string;
  for (const name in extra) fields[name.toLowerCase()] = extra[name] as string;
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
