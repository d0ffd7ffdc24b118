import { execFileSync } from 'node:child_process';
import { publint } from 'publint';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;

// dist/lib comes from test/build-lib-setup.ts.
describe('the package as users install it', () => {
  it('has an export map publint finds nothing wrong with', async () => {
    const { messages } = await publint({ pkgDir: root, strict: true, level: 'suggestion' });
    expect(messages).toEqual([]);
  });

  it('imports every public subpath from the built library, in plain Node', () => {
    const expected = {
      'edge-health': ['createHealth', 'defineCheck', 'runChecks', 'Lifecycle', 'DrainSwitch', 'redact'],
      'edge-health/router': ['createHealthRouter'],
      'edge-health/checks/http': ['httpCheck'],
      'edge-health/checks/neon': ['neonCheck', 'routeNeonHost'],
      'edge-health/checks/upstash': ['upstashCheck'],
      'edge-health/checks/cloudflare': ['d1Check', 'kvCheck', 'r2Check', 'durableObjectCheck', 'serviceCheck'],
      'edge-health/checks/hyperdrive': ['hyperdriveCheck'],
      'edge-health/checks/tcp': ['tcpCheck'],
      'edge-health/adapters/lambda': ['handle', 'toRequest', 'toResult'],
      'edge-health/adapters/node': ['serve', 'toRequest', 'writeResponse'],
      'edge-health/config': ['createAppFromEnv', 'EnvReader'],
    };
    const script = `
      const found = {};
      for (const [subpath, names] of Object.entries(${JSON.stringify(expected)})) {
        const module = await import(subpath);
        found[subpath] = names.filter((name) => typeof module[name] === 'function');
      }
      console.log(JSON.stringify(found));`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual(expected);
  });
});
