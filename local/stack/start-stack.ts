import { randomBytes } from 'node:crypto';
import { startExternalApi } from '../external-api/index.ts';
import { startNeonGateway } from '../neon-gateway/index.ts';
import { findPostgresBinaries, startPostgres } from '../postgres/index.ts';
import { findRedisServer, startRedis } from '../redis/index.ts';
import { freePort } from '../server/index.ts';
import { startUpstashGateway } from '../upstash-gateway/index.ts';

export interface StackOptions {
  /** The environment that may name existing databases. @default process.env */
  env?: Record<string, string | undefined>;
  /** Force the embedded PGlite even when PostgreSQL binaries are on the machine. */
  preferPglite?: boolean;
  /** Start no Redis even when redis-server is on the machine. */
  withoutRedis?: boolean;
  log?: (line: string) => void;
}

export interface Stack {
  /** Variables for the Worker: DATABASE_URL, NEON_FETCH_ENDPOINT, UPSTASH_*, HEALTH_HTTP_CHECKS. */
  vars: Record<string, string>;
  /** One line per thing started or used, without secrets. */
  started: string[];
  /** A hint for the person running it (e.g. how to install Redis), if any. */
  hints: string[];
  stop(): Promise<void>;
}

const isNeonHost = (url: string): boolean => {
  try {
    return new URL(url).hostname.endsWith('.neon.tech');
  } catch {
    return false;
  }
};

/**
 * The local stand-ins behind `npm start`: Postgres behind a Neon-compatible
 * gateway, Redis behind an Upstash-compatible gateway, and an external API.
 * Databases named in the environment come first, then servers from the
 * machine's binaries, then PGlite (Postgres only). Stops in reverse order.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const env = options.env ?? process.env;
  const stops: (() => Promise<void>)[] = [];
  const started: string[] = [];
  const hints: string[] = [];
  const vars: Record<string, string> = {};
  const stop = async (): Promise<void> => {
    for (const step of stops.reverse()) await step().catch(() => {});
  };

  try {
    // Postgres
    if (env.DATABASE_URL && isNeonHost(env.DATABASE_URL)) {
      vars.DATABASE_URL = env.DATABASE_URL;
      started.push('postgres      Neon, from DATABASE_URL');
    } else {
      let databaseUrl = env.DATABASE_URL;
      if (databaseUrl) {
        started.push('postgres      from DATABASE_URL');
      } else {
        const pg = await startPostgres({ prefer: options.preferPglite ? 'pglite' : 'binary' });
        stops.push(() => pg.stop());
        databaseUrl = pg.url;
        started.push(
          pg.kind === 'binary'
            ? `postgres      ephemeral PostgreSQL on 127.0.0.1:${pg.port} (binaries in ${findPostgresBinaries() ?? '?'})`
            : `postgres      embedded PGlite on 127.0.0.1:${pg.port} (${options.preferPglite ? 'as asked' : 'no PostgreSQL binaries found'})`,
        );
      }
      const gateway = await startNeonGateway();
      stops.push(() => gateway.close());
      vars.DATABASE_URL = databaseUrl;
      vars.NEON_FETCH_ENDPOINT = gateway.endpoint;
      started.push(`neon gateway  ${gateway.endpoint} (SQL over HTTP)`);
    }

    // Redis
    if (env.UPSTASH_REDIS_REST_URL && env.UPSTASH_REDIS_REST_TOKEN) {
      vars.UPSTASH_REDIS_REST_URL = env.UPSTASH_REDIS_REST_URL;
      vars.UPSTASH_REDIS_REST_TOKEN = env.UPSTASH_REDIS_REST_TOKEN;
      started.push('redis         Upstash, from UPSTASH_REDIS_REST_URL');
    } else {
      const token = randomBytes(18).toString('base64url');
      let redisUrl = env.REDIS_URL;
      if (redisUrl) started.push('redis         from REDIS_URL');
      else if (!options.withoutRedis && findRedisServer()) {
        const redis = await startRedis();
        stops.push(() => redis.stop());
        redisUrl = redis.url;
        started.push(`redis         ephemeral redis-server on 127.0.0.1:${redis.port}`);
      }
      if (redisUrl) {
        const gateway = await startUpstashGateway({ redisUrl, token });
        stops.push(() => gateway.close());
        vars.UPSTASH_REDIS_REST_URL = gateway.url;
        started.push(`redis gateway ${gateway.url} (Upstash REST)`);
      } else {
        // Why still configure the check: readiness then shows the non-critical
        // category at work (degraded, 200) instead of hiding Redis.
        vars.UPSTASH_REDIS_REST_URL = `http://127.0.0.1:${await freePort()}`;
        if (options.withoutRedis) {
          started.push('redis         none, as asked (the check will report it down)');
        } else {
          started.push('redis         none: no redis-server on this machine (the check will report it down)');
          hints.push('Install Redis to see the redis check healthy: sudo apt-get install redis-server (or brew install redis).');
        }
      }
      vars.UPSTASH_REDIS_REST_TOKEN = token;
    }

    // External API
    const api = await startExternalApi();
    stops.push(() => api.close());
    vars.HEALTH_HTTP_CHECKS = JSON.stringify([{ name: 'external-api', url: `${api.url}/status`, category: 'critical', timeout_ms: 5000 }]);
    started.push(`external api  ${api.url}/status (a local stand-in)`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { vars, started, hints, stop };
}
