import { Redis } from '@upstash/redis/cloudflare';
import { describe, expect, inject, it } from 'vitest';
import { call, fixtures, json } from './helpers.ts';

const stack = inject('stack');

describe('built-in checks at 50 concurrent probes, in workerd, against the real servers', () => {
  it('stay healthy when 50 isolates probe Postgres, Redis (with the write probe) and the API at once, and leave no probe key behind', async () => {
    // One env object per probe is one isolate per probe: nothing is shared, every probe runs every check.
    const envs = Array.from({ length: 50 }, () => ({
      DATABASE_URL: stack.databaseUrl,
      NEON_FETCH_ENDPOINT: stack.neonEndpoint,
      UPSTASH_REDIS_REST_URL: stack.upstashUrl,
      UPSTASH_REDIS_REST_TOKEN: stack.upstashToken,
      REDIS_CHECK_WRITE_PROBE: 'true',
      HEALTH_HTTP_CHECKS: JSON.stringify([{ name: 'external-api', url: `${fixtures.http}/ok` }]),
    }));
    await Promise.all(envs.map((env) => call(env, '/health/startup')));
    const bodies = await Promise.all(envs.map(async (env) => json(await call(env, '/health/ready'))));
    const unhealthy = bodies.flatMap((body) => body.dependencies.filter((d) => d.status !== 'healthy').map((d) => `${d.name}: ${d.reason}`));
    expect(unhealthy).toEqual([]);
    expect(bodies.every((body) => body.dependencies.find((d) => d.name === 'redis')?.details?.write_probe === 'ok')).toBe(true);

    const redis = new Redis({ url: stack.upstashUrl, token: stack.upstashToken, enableTelemetry: false });
    expect(await redis.keys('edge-health:probe*')).toEqual([]);
  });
});
