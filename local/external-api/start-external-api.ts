import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ExternalApi {
  /** `http://127.0.0.1:<port>` */
  url: string;
  close(): Promise<void>;
}

/**
 * A small local HTTP endpoint standing in for an external API in `npm start`:
 * `/status` answers 200, `/status/<code>` answers that code, `/slow/<ms>` waits first.
 */
export async function startExternalApi(port = 0): Promise<ExternalApi> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://local');
    const [, kind, arg] = url.pathname.split('/');
    const answer = (code: number): void => {
      response.writeHead(code, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ status: code < 400 ? 'ok' : 'error', code }));
    };
    if (kind === 'status') return answer(arg ? Number(arg) || 400 : 200);
    if (kind === 'slow') {
      const timer = setTimeout(() => answer(200), Math.min(Number(arg) || 0, 60_000));
      response.on('close', () => clearTimeout(timer));
      return;
    }
    answer(404);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
