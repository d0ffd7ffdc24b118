import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/**
 * Builds the library (dist/lib, what the export map points at) once, before any
 * test reads it: tests that build it themselves would race each other's writes.
 */
export default async function setup(): Promise<void> {
  const root = new URL('..', import.meta.url).pathname;
  await promisify(execFile)('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root });
}
