/**
 * A benchmark server process: `node node-server.js <target>` starts one of
 * `nodeTargets` with the dependencies of `BENCH_DEPS` and prints one JSON line
 * with its URLs, so the load generator and the CPU meter stay outside it.
 */
import { depsFromEnv } from './deps.ts';
import { nodeTargets } from './node-targets.ts';

const name = process.argv[2] ?? '';
const target = nodeTargets[name];
if (!target) {
  console.error(`Unknown target "${name}". Known: ${Object.keys(nodeTargets).join(', ')}`);
  process.exit(2);
}
const started = await target(depsFromEnv());
console.log(JSON.stringify(started));
// Why: an orderly exit on SIGINT, so that `node --cpu-prof` writes its profile.
process.once('SIGINT', () => process.exit(0));
