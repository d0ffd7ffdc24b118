import { encodeBase64 } from './encode-base64.ts';
import { isTextContentType } from './is-text-content-type.ts';

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
