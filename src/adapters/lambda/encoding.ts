const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Strict standard base64 (padded, no whitespace); `undefined` when the text is not base64. */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!BASE64.test(text)) return undefined;
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}

/** Bytes per `String.fromCharCode` call: large enough to be quick, small enough for the argument limit. */
const CHUNK = 0x8000;

export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK));
  }
  return btoa(binary);
}

const TEXT = /^(?:text\/|[\w.-]+\/(?:[\w.-]+\+)?(?:json|xml)\b|application\/(?:x-)?(?:java|ecma)script\b)/i;

/** Bodies Lambda can return as plain text; anything else goes back base64-encoded. */
export const isTextContentType = (contentType: string): boolean => TEXT.test(contentType.trim());

export interface ResultBody {
  body: string;
  isBase64Encoded: boolean;
}

/** The response body as Lambda expects it: text as is, bytes in base64, nothing at all for HEAD. */
export async function readResponseBody(response: Response, requestMethod: unknown): Promise<ResultBody> {
  if (typeof requestMethod === 'string' && requestMethod.toUpperCase() === 'HEAD') {
    await response.body?.cancel();
    return { body: '', isBase64Encoded: false };
  }
  const contentType = response.headers.get('content-type');
  const encoding = response.headers.get('content-encoding');
  const compressed = encoding !== null && encoding.toLowerCase() !== 'identity';
  if (contentType !== null && isTextContentType(contentType) && !compressed) {
    return { body: await response.text(), isBase64Encoded: false };
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  return bytes.length === 0 ? { body: '', isBase64Encoded: false } : { body: encodeBase64(bytes), isBase64Encoded: true };
}

export interface SplitHeaders {
  /** Every header but `Set-Cookie`, repeated values comma-joined. */
  single: Record<string, string>;
  /** Each `Set-Cookie` on its own: joining them would corrupt cookies with an `Expires` date. */
  cookies: string[];
}

export function splitHeaders(headers: Headers): SplitHeaders {
  const single: Record<string, string> = {};
  for (const [name, value] of headers) if (name !== 'set-cookie') single[name] = value;
  return { single, cookies: headers.getSetCookie() };
}

/** The same headers as lists, for results that use `multiValueHeaders`. */
export function toMultiValue({ single, cookies }: SplitHeaders): Record<string, string[]> {
  const multi: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(single)) multi[name] = [value];
  if (cookies.length > 0) multi['set-cookie'] = cookies;
  return multi;
}

/** Headers for a result that can carry one value per name: a single Set-Cookie survives, as joining would corrupt all. */
export function withFirstCookie({ single, cookies }: SplitHeaders): Record<string, string> {
  const [first] = cookies;
  return first === undefined ? single : { ...single, 'set-cookie': first };
}

const REASONS: Readonly<Record<number, string>> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 206: 'Partial Content',
  301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable',
  408: 'Request Timeout', 409: 'Conflict', 410: 'Gone', 412: 'Precondition Failed', 413: 'Content Too Large', 415: 'Unsupported Media Type',
  422: 'Unprocessable Content', 429: 'Too Many Requests',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

/** ALB's and VPC Lattice's `statusDescription`, e.g. "503 Service Unavailable". */
export function statusDescription(response: Response): string {
  const reason = response.statusText || REASONS[response.status];
  return reason ? `${response.status} ${reason}` : String(response.status);
}
