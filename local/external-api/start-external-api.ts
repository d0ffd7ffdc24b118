import type { IncomingMessage, ServerResponse } from 'node:http';
import { listen, type Listening } from '../server/index.ts';

export type ExternalApi = Listening;

/**
 * A small local HTTP endpoint standing in for an external API in `npm start`:
 * `/status` answers 200, `/status/<code>` answers that code, `/slow/<ms>` waits first.
 */
export function startExternalApi(port = 0): Promise<ExternalApi> {
  return listen(route, { port });
}

function route(request: IncomingMessage, response: ServerResponse): void {
  const [, kind, arg] = new URL(request.url ?? '/', 'http://local').pathname.split('/');
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
}
