import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // Several tests start real processes (PostgreSQL, Redis, servers): generous on a shared 2-core CI machine.
          testTimeout: 30_000,
          hookTimeout: 120_000,
          include: ['src/**/*.test.ts', 'local/**/*.test.ts', 'test/node/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/global-setup.ts', 'test/build-lib-setup.ts'],
        },
      },
      {
        plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.toml' }, miniflare: { kvNamespaces: ['HEALTH_FLAGS'] } })],
        test: {
          name: 'workers',
          include: ['test/workers/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts', 'test/stack-setup.ts'],
        },
      },
      {
        test: {
          name: 'conformance',
          include: ['test/conformance/**/*.test.ts'],
          environment: 'node',
          // Each target runs in real runtimes (workerd, Node, Deno, Bun, lambda-local): generous on a shared 2-core machine.
          testTimeout: 30_000,
          hookTimeout: 120_000,
          // Builds the deployable artifacts, then starts the real servers they check.
          globalSetup: ['test/conformance/global-setup.ts'],
        },
      },
    ],
  },
});
