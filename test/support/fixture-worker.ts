import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const root = new URL('../..', import.meta.url).pathname;

/** A fixture Worker built as users build theirs: its bundle's path and text. */
export interface BuiltFixture {
  script: string;
  text: string;
}

/**
 * `wrangler deploy --dry-run` of `test/fixtures/<name>`, against the package's
 * public subpaths (dist/lib comes from test/build-lib-setup.ts).
 */
export function buildFixtureWorker(name: string): BuiltFixture {
  const outdir = `${root}dist/test-${name}`;
  execFileSync('npx', ['wrangler', 'deploy', '--dry-run', '--config', `${root}test/fixtures/${name}/wrangler.toml`, '--outdir', outdir], {
    cwd: root,
    stdio: 'pipe',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  });
  const script = `${outdir}/worker.js`;
  return { script, text: readFileSync(script, 'utf8') };
}
