import type { TestProject } from 'vitest/node';
import { startHttpFixtures } from './support/http-fixtures.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    fixtures: { http: string; silent: string; refused: string };
  }
}

/** Starts the real servers the Worker tests talk to, in Node, before any test runs. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const fixtures = await startHttpFixtures();
  project.provide('fixtures', { http: fixtures.http, silent: fixtures.silent, refused: fixtures.refused });
  return () => fixtures.close();
}
