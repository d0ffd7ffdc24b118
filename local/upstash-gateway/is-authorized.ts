import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/**
 * Whether the request carries `token`, as `Authorization: Bearer <token>` or,
 * as Upstash also accepts ("You can also set the token as _token request
 * parameter", https://upstash.com/docs/redis/api), as `?_token=<token>`.
 * Compares digests in constant time, so neither the token nor its length
 * leaks through timing.
 */
export function isAuthorized(header: string | undefined, queryToken: string | null, token: string): boolean {
  const given = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1] ?? queryToken ?? undefined;
  return given !== undefined && timingSafeEqual(digest(given), digest(token));
}
