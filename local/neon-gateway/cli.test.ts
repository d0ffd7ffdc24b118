import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { spawnScript } from '../postgres/fixtures/spawn-script.ts';

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));

it('cli.ts prints its URL, serves, and stops cleanly on SIGINT', { timeout: 30_000 }, async () => {
  const script = spawnScript(cli, ['--port', '0']);
  const line = await script.line(/listening on http:\/\/127\.0\.0\.1:\d+/);
  const url = /http:\/\/127\.0\.0\.1:\d+/.exec(line)![0];
  const response = await fetch(`${url}/sql`, { method: 'POST', body: '{}' });
  expect(response.status).toBe(400);
  await script.line(/^POST \/sql 400/);
  script.child.kill('SIGINT');
  expect(await script.exited).toEqual({ code: 0, signal: null });
  expect(script.output()).toContain('Stopped.');
});
