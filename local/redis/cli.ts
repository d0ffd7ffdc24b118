/**
 * Starts an ephemeral Redis, prints its URL and stops it on SIGINT or SIGTERM.
 *
 *   npx tsx local/redis/cli.ts [--port 6380]
 */
import { parseArgs } from 'node:util';
import { startRedis } from './start-redis.ts';

const { values } = parseArgs({ options: { port: { type: 'string' } } });
const port = values.port === undefined ? undefined : Number(values.port);
if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
  console.error(`--port must be a TCP port number (1-65535), got "${values.port}".`);
  process.exit(2);
}

const redis = await startRedis(port === undefined ? {} : { port });
// The server is unref'd so that library users never hang on it; the CLI exists to stay up.
const keepAlive = setInterval(() => {}, 1 << 30);
console.log(redis.url);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    clearInterval(keepAlive);
    void redis.stop().then(() => console.error(`Redis on port ${redis.port} stopped.`));
  });
}
