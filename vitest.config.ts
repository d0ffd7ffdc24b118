import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';
import type { BindingsStack } from './test/bindings/global-setup.ts';

export default defineConfig({
  // Why: the Workers test pool resolves a CommonJS require() (node-postgres requiring pg-cloudflare) through this
  // root server, without the `workerd` condition wrangler's bundler uses; in Node, pg never requires it.
  resolve: { alias: { 'pg-cloudflare': new URL('./node_modules/pg-cloudflare/dist/index.js', import.meta.url).pathname } },
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // Several tests start real processes (PostgreSQL, Redis, servers): generous on a shared 2-core CI machine.
          testTimeout: 30_000,
          hookTimeout: 120_000,
          include: ['src/**/*.test.ts', 'local/**/*.test.ts', 'scripts/**/*.test.ts', 'test/node/**/*.test.ts'],
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
        // Every kind of Workers binding, run by Miniflare's local implementations; Hyperdrive against a real PostgreSQL.
        plugins: [
          cloudflareTest(({ inject }) => {
            const { refusedPort, blackholePort } = inject<BindingsStack>('bindings');
            return {
              wrangler: { configPath: './test/bindings/wrangler.toml' },
              miniflare: {
                hyperdrives: {
                  HYPERDRIVE_REFUSED: `postgres://edge:health-secret-pw@127.0.0.1:${refusedPort}/db`,
                  HYPERDRIVE_HUNG: `postgres://edge:health-secret-pw@127.0.0.1:${blackholePort}/db`,
                },
                workers: [{ name: 'bindings-backend', modules: true, scriptPath: './test/bindings/backend-worker.js', compatibilityDate: '2026-10-20' }],
              },
            };
          }),
        ],
        test: {
          name: 'bindings',
          include: ['test/bindings/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          globalSetup: ['test/bindings/global-setup.ts'],
        },
      },
      {
        test: {
          name: 'conformance',
          // Reliability proofs (bad input, secrets, faults, a short soak) run against the same built artifacts and servers.
          include: ['test/conformance/**/*.test.ts', 'test/reliability/**/*.test.ts'],
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
