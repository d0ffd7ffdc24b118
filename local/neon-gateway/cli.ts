/**
 * `npx tsx local/neon-gateway/cli.ts [--port 4444] [--host 127.0.0.1] [--quiet]`
 * Serves Neon's SQL-over-HTTP in front of whatever database each request names;
 * stops on SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { startNeonGateway } from './start-neon-gateway.ts';
import type { NeonGatewayOptions } from './types.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4444' },
    host: { type: 'string', default: '127.0.0.1' },
    quiet: { type: 'boolean', default: false },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port must be a port number, not "${values.port}"`);
  process.exit(2);
}

const options: NeonGatewayOptions = { port, host: values.host };
if (!values.quiet) options.log = (line) => console.log(line);
const gateway = await startNeonGateway(options);
console.log(`Neon gateway listening on ${gateway.url} (POST /sql)`);
console.log(`Point the driver at it: neonConfig.fetchEndpoint = '${gateway.endpoint}';`);

const shutdown = async (): Promise<void> => {
  await gateway.close();
  console.log('Stopped.');
  process.exit(0);
};
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
