import { describe, expect, it } from 'vitest';
import { bindingChecksFromEnv } from './bindings-from-env.ts';
import { EnvReader } from './env-reader.ts';

// Objects with the shapes of real bindings (duck-typed like the real ones); test/bindings runs the real ones.
const fn = (): Promise<null> => Promise.resolve(null);
const source = {
  DB: { prepare: fn, batch: fn, exec: fn },
  CACHE: { get: fn, put: fn, delete: fn, getWithMetadata: fn, list: fn },
  PINGER: { idFromName: fn, get: fn, newUniqueId: fn },
};

function parse(value: string): { names: string[]; problems: string[] } {
  const env = new EnvReader({ ...source, HEALTH_BINDINGS: value });
  const checks = bindingChecksFromEnv(env, { ...source, HEALTH_BINDINGS: value });
  return { names: checks.map((check) => `${check.name}/${check.category}/${check.timeoutMs}${check.slowMs === undefined ? '' : `/slow ${check.slowMs}`}`), problems: env.problems };
}

describe('bindingChecksFromEnv', () => {
  it.each([
    ['DB:d1', ['db/critical/5000']],
    ['DB:d1,CACHE:kv:non-critical', ['db/critical/5000', 'cache/non-critical/5000']],
    ['PINGER:do', ['pinger/critical/5000']],
    ['[{"binding":"DB","kind":"D1","name":"primary","timeout_ms":1500}]', ['primary/critical/1500']],
    ['[{"binding":"DB","kind":"d1","timeout_ms":1500,"slow_ms":400}]', ['db/critical/1500/slow 400']],
    ['[{"binding":"PINGER","kind":"durable-object","path":"/ready","instance":"main"}]', ['pinger/critical/5000']],
  ])('builds checks from %s', (value, names) => {
    expect(parse(value)).toEqual({ names, problems: [] });
  });

  it.each([
    ['[', /^HEALTH_BINDINGS is not valid JSON/],
    ['DB', /^HEALTH_BINDINGS\[0\] must be BINDING:kind or BINDING:kind:category, e\.g\. DB:d1\.$/],
    ['[{"binding":"DB"}]', /^HEALTH_BINDINGS\[0\]\.kind must be one of d1, kv, r2, durable_object, service, hyperdrive/],
    ['[7]', /^HEALTH_BINDINGS\[0\] must be an object with binding and kind\.$/],
    ['{"binding":"DB"}', /^HEALTH_BINDINGS must be a JSON array\.$/],
    ['[{"binding":"DB","kind":"d1","colour":"red"}]', /^HEALTH_BINDINGS\[0\] has unknown keys \["colour"\]/],
    ['[{"binding":"DB","kind":"postgres"}]', /^HEALTH_BINDINGS\[0\]\.kind must be one of .* \(got "postgres"\)/],
    ['[{"binding":"my db","kind":"d1"}]', /^HEALTH_BINDINGS\[0\]\.binding must be the name of a binding/],
    ['[{"binding":"DB","kind":"d1","category":"vital"}]', /^HEALTH_BINDINGS\[0\]: Check "db": category must be/],
    ['[{"binding":"DB","kind":"d1","timeout_ms":0}]', /^HEALTH_BINDINGS\[0\]: Check "db": timeoutMs must be/],
    ['[{"binding":"DB","kind":"d1","timeout_ms":1500,"slow_ms":1500}]', /^HEALTH_BINDINGS\[0\]: Check "db": slowMs must be a number of milliseconds below its timeoutMs \(1500\)/],
    ['[{"binding":"DB","kind":"d1","name":"a b"}]', /^HEALTH_BINDINGS\[0\]: Check: name must be 1-63 letters/],
    ['[{"binding":"DB","kind":"d1","query":7}]', /^HEALTH_BINDINGS\[0\]: query must be a string/],
    ['[{"binding":"PINGER","kind":"do","path":"ready"}]', /^HEALTH_BINDINGS\[0\]: Check "pinger": path must start with "\/"/],
    ['[{"binding":"PINGER","kind":"do","method":"fetch"}]', /^HEALTH_BINDINGS\[0\]: Check "pinger": method must be the name of an RPC method/],
    ['[{"binding":"PINGER","kind":"do","expect_status":"200"}]', /^HEALTH_BINDINGS\[0\]: expect_status must be a status code/],
    ['DB:d1:critical:extra', /^HEALTH_BINDINGS\[0\] must be BINDING:kind/],
  ])('reports %s clearly, building no check', (value, problem) => {
    const { names, problems } = parse(value);
    expect(names).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(problem);
  });

  it('reports every bad entry at once and keeps the good ones', () => {
    const { names, problems } = parse('DB:d1, NOPE:kv, CACHE:r2');
    expect(names).toEqual(['db/critical/5000']);
    expect(problems).toEqual([
      'HEALTH_BINDINGS[1]: binding NOPE should be a KV namespace, but it is not set. Add it to wrangler.toml or remove it from HEALTH_BINDINGS.',
      'HEALTH_BINDINGS[2]: binding CACHE should be an R2 bucket, but it is a KV namespace.',
    ]);
  });
});

describe('bindingChecksFromEnv: Hyperdrive', () => {
  const hyperdrive = { connectionString: 'postgres://user:pass@example.invalid/db', host: 'example.invalid', port: 5432, user: 'user', password: 'pass', database: 'db' };
  const value = 'PG:hyperdrive';

  it('is a configuration problem where no loader was given (the Node and Lambda builds carry no driver)', () => {
    const env = new EnvReader({ PG: hyperdrive, HEALTH_BINDINGS: value });
    expect(bindingChecksFromEnv(env, { PG: hyperdrive, HEALTH_BINDINGS: value })).toEqual([]);
    expect(env.problems).toEqual([expect.stringMatching(/^HEALTH_BINDINGS\[0\]: kind hyperdrive is served by the Cloudflare Worker entry only/)]);
    expect(env.problems.join(' ')).not.toContain('pass@');
  });

  it('loads the check only when it first runs', async () => {
    let loads = 0;
    const env = new EnvReader({ PG: hyperdrive, HEALTH_BINDINGS: value });
    const [check] = bindingChecksFromEnv(env, { PG: hyperdrive, HEALTH_BINDINGS: value }, async () => {
      loads += 1;
      return (options) => ({ name: options.name, category: 'critical', timeoutMs: 1000, run: () => ({ status: 'healthy' }) });
    });
    expect(env.problems).toEqual([]);
    expect(loads).toBe(0);
    expect(await check?.run(new AbortController().signal)).toEqual({ status: 'healthy' });
    expect(loads).toBe(1);
  });
});
