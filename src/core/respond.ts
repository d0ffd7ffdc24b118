import { textResponse } from './shortcuts.ts';

/** Headers every health response carries: probes must never see a cached answer. */
export const HEALTH_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
};

export function respond(body: string, status: number, contentType: string): Response {
  return textResponse(body, {
    status,
    headers: { ...HEALTH_HEADERS, 'Content-Type': contentType },
  });
}

export const jsonResponse = (value: unknown, status: number, contentType = 'application/json'): Response =>
  respond(JSON.stringify(value), status, `${contentType}; charset=utf-8`);

/** A 4xx or 5xx with a readable JSON body: `{ status: 'error', error: message }`. */
export const errorResponse = (status: number, message: string, headers?: Record<string, string>): Response => {
  const response = jsonResponse({ status: 'error', error: message }, status);
  for (const [key, value] of Object.entries(headers ?? {})) response.headers.set(key, value);
  return response;
};
