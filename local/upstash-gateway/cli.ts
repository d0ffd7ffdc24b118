/**
 * Runs the Upstash REST gateway in front of a Redis until SIGINT or SIGTERM.
 * Prints the URL on stdout. The token may come from UPSTASH_REDIS_REST_TOKEN
 * instead of --token, which keeps it out of `ps` output.
 *
 *   npx tsx local/upstash-gateway/cli.ts --redis redis://127.0.0.1:6379 --token T --port 8079
 */
import { parseArgs } from 'node:util';
import { startUpstashGateway } from './start-upstash-gateway.ts';

const { values } = parseArgs({
  options: {
    redis: { type: 'string', default: 'redis://127.0.0.1:6379' },
    token: { type: 'string' },
    port: { type: 'string', default: '8079' },
    host: { type: 'string', default: '127.0.0.1' },
  },
});
const token = values.token ?? process.env['UPSTASH_REDIS_REST_TOKEN'];
const port = Number(values.port);
if (token === undefined || token === '') fail('Pass --token <secret> or set UPSTASH_REDIS_REST_TOKEN.');
if (!(Number.isInteger(port) && port >= 0 && port < 65536)) fail(`--port must be 0-65535, got "${values.port}".`);

const log = (line: string): void => console.error(`[upstash-gateway] ${line}`);
const gateway = await startUpstashGateway({ redisUrl: values.redis, token, port, host: values.host, log }).catch(
  (error: unknown) => fail(error instanceof Error ? error.message : String(error)),
);
console.log(gateway.url);
log(`Listening; use UPSTASH_REDIS_REST_URL=${gateway.url} and your token. Ctrl+C stops.`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void gateway.close().then(() => log('Stopped.')));
}

function fail(message: string): never {
  console.error(`[upstash-gateway] ${message}`);
  process.exit(2);
}
