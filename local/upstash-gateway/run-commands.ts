import type { Redis } from 'ioredis';
import { GatewayError } from '../server/index.ts';
import { isReplyError, toGatewayError } from './ioredis.ts';
import type { RedisCommand } from './parse-command.ts';

/** One entry of a `/pipeline` or `/multi-exec` answer, before encoding. */
export type CommandOutcome = { result: unknown } | { error: string };

// Upper case on purpose: ioredis keys its reply transformers (HGETALL → object,
// ZRANGE … WITHSCORES → pairs) by the lower-case name; Upstash sends Redis's flat arrays.
const rawName = (command: RedisCommand): string => command[0].toUpperCase();

/** Runs one command; Buffer replies. Throws a {@link GatewayError}. */
export async function runCommand(redis: Redis, command: RedisCommand): Promise<unknown> {
  try {
    return await redis.callBuffer(rawName(command), ...command.slice(1));
  } catch (error) {
    throw toGatewayError(error);
  }
}

/**
 * Runs commands in one round trip, inside MULTI/EXEC when `transaction`.
 * A command's own error is its entry; losing Redis fails the whole request.
 */
export async function runCommands(
  redis: Redis,
  commands: readonly RedisCommand[],
  { transaction }: { transaction: boolean },
): Promise<CommandOutcome[]> {
  const batch = transaction ? redis.multi() : redis.pipeline();
  for (const command of commands) batch.callBuffer(rawName(command), ...command.slice(1));
  let replies: [error: Error | null, result: unknown][] | null;
  try {
    replies = await batch.exec();
  } catch (error) {
    // EXECABORT (a command rejected while queueing) lands here as a reply error: a 400 like Upstash's.
    throw toGatewayError(error);
  }
  if (replies === null) throw new GatewayError(409, 'EXECABORT the transaction was aborted.');
  return replies.map(([error, result]) => {
    if (error === null) return { result };
    if (isReplyError(error)) return { error: error.message };
    throw toGatewayError(error);
  });
}
