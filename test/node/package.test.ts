import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { publint } from 'publint';
import { describe, expect, it } from 'vitest';
import { expectedExports, exportsProbe } from '../support/public-subpaths.ts';

const root = new URL('../..', import.meta.url).pathname;

// dist/lib comes from test/build-lib-setup.ts.
describe('the package as users install it', () => {
  it('has an export map publint finds nothing wrong with', async () => {
    const { messages } = await publint({ pkgDir: root, strict: true, level: 'suggestion' });
    expect(messages).toEqual([]);
  });

  it('imports every public subpath from the built library, in plain Node', () => {
    const expected = expectedExports('node');
    const script = exportsProbe(expected);
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual(expected);
  });

  it('has a JSR configuration (jsr.json) whose exports are the same subpaths, mapped to their TypeScript sources', () => {
    const read = (file: string): unknown => JSON.parse(readFileSync(`${root}${file}`, 'utf8'));
    const npm = (read('package.json') as { exports: Record<string, string | { default: string }> }).exports;
    const jsr = read('jsr.json') as { version: string; exports: Record<string, string> };
    const sources = Object.entries(npm)
      .filter(([subpath]) => subpath !== './package.json')
      .map(([subpath, target]) => [subpath, typeof target === 'string' ? target : target.default.replace('./dist/lib/', './src/').replace(/\.js$/, '.ts')]);
    expect(jsr.exports).toEqual(Object.fromEntries(sources));
    expect(jsr.version).toBe((read('package.json') as { version: string }).version);
  });

  it('passes JSR\'s publish checks (deno publish --dry-run: types, no slow types, every import resolvable)', () => {
    const { status, stdout, stderr } = spawnSync(`${root}node_modules/.bin/deno`, ['publish', '--dry-run', '--allow-dirty', '--config', 'jsr.json'], {
      cwd: root,
      encoding: 'utf8',
      stdio: 'pipe',
      env: { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' },
    });
    expect({ status, output: `${stdout}${stderr}` }).toEqual({ status: 0, output: expect.stringContaining('Dry run complete') });
  }, 120_000);
});
