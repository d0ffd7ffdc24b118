/** `redis-server` is not installed where {@link findRedisServer} looks. */
export class RedisServerNotFoundError extends Error {
  override name = 'RedisServerNotFoundError' as const;

  constructor() {
    super(
      'No redis-server executable was found on PATH or in /usr/bin, /usr/sbin, /usr/local/bin. ' +
        'Install it (e.g. `apt-get install -y redis-server` or `brew install redis`) or pass `redisServer`.',
    );
  }
}

/** `redis-server` started but did not come up; the message ends with its output. */
export class RedisStartError extends Error {
  override name = 'RedisStartError' as const;
}
