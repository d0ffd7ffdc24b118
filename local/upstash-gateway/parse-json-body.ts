import { GatewayHttpError } from './gateway-http-error.ts';

export function parseJsonBody(body: Buffer): unknown {
  if (body.length === 0) {
    throw new GatewayHttpError(400, 'ERR the request body is empty; send a command as a JSON array, e.g. ["PING"].');
  }
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new GatewayHttpError(400, `ERR the request body is not valid JSON (${reason}).`);
  }
}
