/* global process, console, URL */
/**
 * Runs before `npm test`, `npm start`, `npm run build` and `npm run bench`:
 * stops at once, in one line, when this Node is older than package.json's
 * `engines.node`. Why: on an old Node, vitest and wrangler fail far from the
 * cause ("No test files found", a deleted dist/worker). Plain JavaScript with
 * old syntax on purpose, so any Node can read it.
 */
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const wanted = /^>=\s*(\d+)\.(\d+)(?:\.(\d+))?$/.exec(manifest.engines.node);
const have = process.versions.node.split('.').map(Number);

function older(a, b) {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}

if (wanted === null) {
  console.error('edge-health: package.json engines.node must read ">=MAJOR.MINOR"; found ' + manifest.engines.node);
  process.exit(1);
}
const minimum = [Number(wanted[1]), Number(wanted[2]), Number(wanted[3] || 0)];
if (older(have, minimum)) {
  console.error(
    'edge-health needs Node ≥ ' + minimum.slice(0, wanted[3] ? 3 : 2).join('.') + ' (this is Node ' + process.versions.node +
      ' at ' + process.execPath + '); install a current Node, e.g. `nvm install 22`, and run it again.',
  );
  process.exit(1);
}
