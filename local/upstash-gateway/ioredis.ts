import { createRequire } from 'node:module';

// Why require: ioredis is CommonJS, and test runners that transform ESM (vite
// with workerd resolve conditions, for the Worker tests' global setup) break its
// exports; Node's own loader does not.
const ioredis = createRequire(import.meta.url)('ioredis') as typeof import('ioredis');

export const { Redis, ReplyError } = ioredis;
export type { Redis as RedisClient } from 'ioredis';
