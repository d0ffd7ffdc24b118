import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import startFixtures from '../global-setup.ts';
import startStack from '../stack-setup.ts';

const root = new URL('../..', import.meta.url).pathname;

/** `npm run build`: the artifacts under test are the ones that get deployed. */
async function build(): Promise<() => Promise<void>> {
  try {
    await promisify(execFile)('npm', ['run', 'build'], { cwd: root, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`npm run build failed:\n${stdout}${stderr}`, { cause: error });
  }
  return async () => {};
}

/**
 * Builds the deployable artifacts while the real servers start: Postgres and Redis
 * behind their gateways (`stack`), and the external API stand-ins (`fixtures`).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = await Promise.allSettled([startFixtures(project), startStack(project), build()]);
  const teardown = async (): Promise<void> => {
    for (const result of started) if (result.status === 'fulfilled') await result.value();
  };
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await teardown();
    throw failed.reason;
  }
  return teardown;
}
