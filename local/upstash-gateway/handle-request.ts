import type { IncomingMessage } from 'node:http';
import { GatewayError, readBody } from '../server/index.ts';
import type { Redis } from 'ioredis';
import { encodeReply, type ReplyEncoding } from './encode-reply.ts';
import { isAuthorized } from './is-authorized.ts';
import { commandFromPath, parseCommand, parseCommandList, parseJsonBody } from './parse-command.ts';
import { runCommand, runCommands } from './run-commands.ts';

/** What to answer: an HTTP status and a JSON body. */
export interface GatewayReply {
  status: number;
  body: unknown;
}

export interface RequestHandlerOptions {
  redis: Redis;
  token: string;
  maxBodyBytes: number;
}

/**
 * Upstash's own answer to a missing or wrong token, status and text: 401 with
 * this body, as recorded from upstash.io responses in users' tests and named
 * by Upstash's troubleshooting page
 * (https://upstash.com/docs/redis/troubleshooting/http_unauthorized).
 */
const UNAUTHORIZED: GatewayReply = {
  status: 401,
  body: {
    error: 'WRONGPASS invalid or missing auth token. See https://docs.upstash.com/redis/troubleshooting/http_unauthorized for details.',
  },
};

/**
 * The Upstash REST protocol over one ioredis connection: `POST /` (one JSON
 * command), `POST /pipeline`, `POST /multi-exec`, and the URL form
 * `GET|POST /<command>/<args…>`. Never rejects.
 */
export function createRequestHandler({ redis, token, maxBodyBytes }: RequestHandlerOptions) {
  return async function handleRequest(request: IncomingMessage): Promise<GatewayReply> {
    try {
      const url = new URL(request.url ?? '/', 'http://gateway');
      const queryToken = url.searchParams.get('_token');
      // Why: in the URL form every query pair is a command argument; the token is not one.
      url.searchParams.delete('_token');
      if (!isAuthorized(request.headers.authorization, queryToken, token)) return UNAUTHORIZED;
      const method = request.method ?? 'GET';
      if (method !== 'GET' && method !== 'POST') {
        throw new GatewayError(405, `ERR method ${method} is not supported; use POST (or GET for the URL form).`);
      }
      const encoding = replyEncoding(request.headers['upstash-encoding']);
      const path = url.pathname.replace(/\/+$/, '');
      const body = method === 'POST' ? await readBody(request, maxBodyBytes) : Buffer.alloc(0);

      if (method === 'POST' && (path === '/pipeline' || path === '/multi-exec')) {
        const outcomes = await runCommands(redis, parseCommandList(parseJsonBody(body)), {
          transaction: path === '/multi-exec',
        });
        return {
          status: 200,
          body: outcomes.map((outcome) => ('error' in outcome ? outcome : { result: encodeReply(outcome.result, encoding) })),
        };
      }
      if (path === '' && method === 'GET') {
        throw new GatewayError(400, 'ERR no command: POST a JSON array such as ["PING"], or GET /<command>/<args>.');
      }
      const command = path === '' ? parseCommand(parseJsonBody(body)) : commandFromPath(url, body);
      return { status: 200, body: { result: encodeReply(await runCommand(redis, command), encoding) } };
    } catch (error) {
      if (error instanceof GatewayError) return { status: error.status, body: { error: error.message } };
      return { status: 500, body: { error: `Internal gateway error: ${error instanceof Error ? error.message : String(error)}` } };
    }
  };
}

function replyEncoding(header: string | string[] | undefined): ReplyEncoding {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.trim().toLowerCase() === 'base64' ? 'base64' : 'utf8';
}
