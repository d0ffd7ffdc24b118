import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { bodyTextOf } from '../../core/index.ts';
import { LightResponse } from './light-response.ts';

/**
 * Writes a fetch `Response` to a node:http response. A body the core built from
 * text is written in one call, without reading a stream (most of a probe's cost
 * on Node otherwise), and a light response's header fields without a `Headers`;
 * any other body is streamed with backpressure.
 */
export async function writeResponse(response: Response, outgoing: ServerResponse): Promise<void> {
  const light = LightResponse.partsOf(response);
  if (light?.fields && light.text !== undefined) {
    const fields: OutgoingHttpHeaders = { ...light.fields };
    fields['content-length'] ??= Buffer.byteLength(light.text);
    outgoing.writeHead(response.status, fields);
    outgoing.end(light.text);
    return;
  }
  const text = light ? light.text : bodyTextOf(response);
  const headers = headersOf(response);
  if (text !== undefined) {
    headers['content-length'] ??= Buffer.byteLength(text);
    outgoing.writeHead(response.status, headers);
    outgoing.end(text);
    return;
  }
  outgoing.writeHead(response.status, headers);
  if (!response.body) {
    outgoing.end();
    return;
  }
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!outgoing.write(value)) await new Promise((resolve) => outgoing.once('drain', resolve));
    }
  } finally {
    reader.releaseLock();
    outgoing.end();
  }
}

function headersOf(response: Response): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  response.headers.forEach((value, key) => {
    if (key !== 'set-cookie') headers[key] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  return headers;
}
