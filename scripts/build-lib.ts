/**
 * The library as the export map names it (dist/lib: ESM + .d.ts), built from
 * scratch. `npm run prepare` runs it, so a git or tarball install gets a built package.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Why from scratch: a file left by a renamed source would otherwise ship in the tarball. */
export function buildLibrary(): void {
  rmSync(join(root, 'dist/lib'), { recursive: true, force: true });
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
}

// Silent on success: `npm pack --json` prints this script's output before its JSON.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) buildLibrary();
