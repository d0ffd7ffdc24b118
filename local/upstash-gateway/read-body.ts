import type { IncomingMessage } from 'node:http';
import { GatewayHttpError } from './gateway-http-error.ts';

/** Reads a request body of at most `maxBytes` (413 beyond), draining the rest so a reply can still be sent. */
export function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    request.on('end', () => {
      if (size <= maxBytes) resolve(Buffer.concat(chunks));
      else reject(new GatewayHttpError(413, `Request body is ${size} bytes; this gateway accepts at most ${maxBytes}.`));
    });
    request.on('error', reject);
  });
}
