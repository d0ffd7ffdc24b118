import { connect } from 'node:net';

/**
 * Sends one inline `PING` over raw TCP and resolves `true` if the server
 * answers like Redis (`+PONG`, or `-NOAUTH` when a password is set), `false`
 * on refusal, silence past `timeoutMs` or any other answer. Never rejects.
 *
 * @example
 * ```ts
 * redis.freeze();
 * await pingRedis(redis.port, 200); // false: connected, but nothing answers
 * ```
 */
export function pingRedis(port: number, timeoutMs = 1000, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    let reply = '';
    const socket = connect({ port, host });
    const finish = (answered: boolean): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answered);
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk: string) => {
      reply += chunk;
      if (reply.includes('\r\n')) finish(reply.startsWith('+PONG') || reply.startsWith('-NOAUTH'));
    });
    socket.on('error', () => finish(false));
    socket.on('close', () => finish(false));
  });
}
