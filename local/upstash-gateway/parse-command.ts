import { GatewayError } from '../server/index.ts';

export type RedisArgument = string | Buffer;
/** A command as sent to Redis: its name, then its arguments. */
export type RedisCommand = readonly [name: string, ...args: RedisArgument[]];

const EXAMPLE = 'e.g. ["SET","key","value"]';

/**
 * Commands that would change the state of the one connection every request
 * shares (subscriber mode, another database, a half-open transaction).
 * Transactions go through `POST /multi-exec` instead.
 */
const CONNECTION_STATE_COMMANDS = new Set([
  'auth', 'client', 'discard', 'exec', 'hello', 'monitor', 'multi', 'psubscribe', 'punsubscribe',
  'quit', 'reset', 'select', 'ssubscribe', 'subscribe', 'sunsubscribe', 'unsubscribe', 'unwatch', 'watch',
]);

/**
 * Validates one command from a JSON body: a non-empty array whose items are
 * strings, numbers or booleans (what `@upstash/redis` serializes). `where`
 * names the command in error messages, e.g. "command 3 of the pipeline".
 */
export function parseCommand(value: unknown, where = 'the command'): RedisCommand {
  if (!Array.isArray(value) || value.length === 0) {
    throw new GatewayError(400, `ERR ${where} must be a non-empty JSON array, ${EXAMPLE}.`);
  }
  const args = value.map((item: unknown, index) => {
    if (typeof item === 'string') return item;
    if (typeof item === 'number' || typeof item === 'boolean') return String(item);
    throw new GatewayError(
      400,
      `ERR item ${index + 1} of ${where} is ${item === null ? 'null' : typeof item}; only strings, numbers and booleans are accepted.`,
    );
  });
  const [name, ...rest] = args as [string, ...string[]];
  return checkAllowed([name, ...rest]);
}

/** Validates the body of `/pipeline` and `/multi-exec`: a non-empty array of commands. */
export function parseCommandList(value: unknown): RedisCommand[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new GatewayError(400, `ERR the body must be a non-empty JSON array of commands, e.g. [["SET","k","v"],["GET","k"]].`);
  }
  return value.map((item: unknown, index) => parseCommand(item, `command ${index + 1} of ${value.length}`));
}

/**
 * The URL form Upstash also accepts: `/set/key/value?EX=10` (segments, then
 * query pairs); a POST body, if any, is the last argument, byte for byte.
 */
export function commandFromPath(url: URL, body: Buffer): RedisCommand {
  const segments = url.pathname.split('/').filter((segment) => segment.length > 0).map(decodeSegment);
  const query = [...url.searchParams].flatMap(([key, value]) => (value === '' ? [key] : [key, value]));
  const [name, ...args] = [...segments, ...query] as [string, ...RedisArgument[]];
  return checkAllowed(body.length > 0 ? [name, ...args, body] : [name, ...args]);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new GatewayError(400, `ERR the URL segment "${segment}" is not valid percent-encoding.`);
  }
}

function checkAllowed(command: RedisCommand): RedisCommand {
  const name = command[0].toLowerCase();
  if (CONNECTION_STATE_COMMANDS.has(name)) {
    const hint = name === 'multi' || name === 'exec' ? ' Send the commands to POST /multi-exec instead.' : '';
    throw new GatewayError(400, `ERR ${name.toUpperCase()} is not supported by this gateway.${hint}`);
  }
  return command;
}

/** A POST body as JSON: a 400 the caller can act on when it is empty or not JSON. */
export function parseJsonBody(body: Buffer): unknown {
  if (body.length === 0) {
    throw new GatewayError(400, 'ERR the request body is empty; send a command as a JSON array, e.g. ["PING"].');
  }
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new GatewayError(400, `ERR the request body is not valid JSON (${reason}).`);
  }
}
