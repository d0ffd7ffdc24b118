import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import { spawnScript } from '../postgres/fixtures/spawn-script.ts';
import { isProcessAlive } from './process-control.ts';

const fixture = fileURLToPath(new URL('../postgres/fixtures/hold-postgres.ts', import.meta.url));

interface Held {
  postmaster: number;
  children: number[];
  root: string;
}

describe.concurrent('a server outlives no owner', () => {
  it.for([
    ['is killed by SIGTERM', 'signal', { code: null, signal: 'SIGTERM' }],
    ['is killed by SIGKILL (the watchdog cleans up)', 'signal', { code: null, signal: 'SIGKILL' }],
    ['calls process.exit(3)', 'exit', { code: 3, signal: null }],
    ['simply runs out of work', 'natural', { code: 0, signal: null }],
  ] as const)('when the owner %s', { timeout: 60_000 }, async ([, mode, ending], { expect }) => {
    const script = spawnScript(fixture, [mode]);
    const held = JSON.parse(await script.line(/^\{/)) as Held;
    // The fixture queried the server before printing, so it was up. Only a waiting owner
    // lets us look again: one that exits at once may already have cleaned up (a race, not a bug).
    if (ending.signal !== null) {
      expect(isProcessAlive(held.postmaster)).toBe(true);
      script.child.kill(ending.signal);
    }

    // The owner still ends the way it would have without us.
    expect(await script.exited).toEqual(ending);
    for (const pid of [held.postmaster, ...held.children]) {
      await expect.poll(() => isProcessAlive(pid), { timeout: 3_000 }).toBe(false);
    }
    await expect.poll(() => existsSync(held.root), { timeout: 3_000 }).toBe(false);
  });
});
