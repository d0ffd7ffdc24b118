/**
 * The deployable Cloudflare Worker: configuration from `env`, one app per
 * isolate, built on the first request (nothing runs at global scope).
 * @module
 */
import { createAppFromEnv } from './config/index.ts';
import type { FlagStore } from './core/index.ts';
import { cloudflareColo, createHealthWorker } from './router/index.ts';

export default createHealthWorker((env: Record<string, unknown>) => {
  const flags = env.HEALTH_FLAGS as FlagStore | undefined;
  return createAppFromEnv(env, {
    platform: 'cloudflare-workers',
    locate: cloudflareColo,
    ...(flags && typeof flags.get === 'function' ? { flags } : {}),
    loadHyperdrive: async () => (await import('./checks/cloudflare/hyperdrive/index.ts')).hyperdriveCheck,
  });
});
