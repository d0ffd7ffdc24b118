import { createRequire } from 'node:module';
import type * as IORedis from 'ioredis';

// Why require: ioredis is CommonJS, and test runners that transform ESM (vite
// with workerd resolve conditions, for the Worker tests' global setup) break its
// exports; Node's own loader does not.
const ioredis = createRequire(import.meta.url)('ioredis') as typeof IORedis;

export const { Redis, ReplyError } = ioredis;
export type { Redis as RedisClient } from 'ioredis';
