import { isCheckError } from './errors.ts';
import type { FailureReason } from './types.ts';

export interface ClassifiedError {
  reason: FailureReason;
  message: string;
  details?: Record<string, unknown>;
}

const MAX_MESSAGE_LENGTH = 300;

/*
 * Why connection faults are all `network`: workerd says "Network connection lost."
 * for a refused, reset or closed connection and "internal error; reference = …" for
 * a failed DNS lookup or TLS handshake, so it cannot tell them apart; Node, Bun and
 * Deno can. The same fault gets the same reason on every runtime, so the reason is
 * the coarse one, and the message (for authorized callers) keeps the runtime's
 * words. Recorded by `scripts/record-fetch-errors.ts`; see the README's reason table.
 */
const NETWORK_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPROTO',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);

const TIMEOUT_CODES: ReadonlySet<string> = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT']);

const NETWORK_MESSAGE =
  /network connection lost|internal error; reference = |connection (?:refused|reset|closed)|unable to connect|socket hang up|other side closed|fetch failed|network error|failed to fetch|getaddrinfo|dns error|name resolution|not resolve|certificate|TLS|SSL|ECONN[A-Z]+|ENOTFOUND/i;

const TIMEOUT_MESSAGE = /timed? ?out/i;

const codeReason = (code: unknown): FailureReason | undefined =>
  typeof code !== 'string' ? undefined : NETWORK_CODES.has(code) ? 'network' : TIMEOUT_CODES.has(code) ? 'timeout' : undefined;

// Why no `instanceof Error`: every Error has a `name` (its prototype's, at least).
const errorName = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : undefined;

/** Walks `cause` chains (and AggregateError members) for a system error code, and gives its reason. */
function findCodeReason(error: unknown, depth = 0): FailureReason | undefined {
  if (depth > 5 || typeof error !== 'object' || error === null) return undefined;
  const { code, cause, errors, sourceError } = error as {
    code?: unknown;
    cause?: unknown;
    errors?: unknown;
    sourceError?: unknown;
  };
  const reason = codeReason(code);
  if (reason) return reason;
  for (const inner of [cause, sourceError, ...(Array.isArray(errors) ? errors : [])]) {
    const found = findCodeReason(inner, depth + 1);
    if (found) return found;
  }
  return undefined;
}

export function messageOf(error: unknown): string {
  const raw =
    error instanceof Error ? error.message : typeof error === 'string' ? error : 'check failed';
  const text = raw.trim() || (errorName(error) ?? 'check failed');
  return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : text;
}

/** Turns anything a check threw into a reason that is safe to show and a message. */
export function classifyError(error: unknown): ClassifiedError {
  let message = messageOf(error);
  if (isCheckError(error)) return { reason: error.reason, message, ...(error.details ? { details: error.details } : {}) };
  const name = errorName(error);
  if (name === 'TimeoutError') return { reason: 'timeout', message };
  if (name === 'AbortError') return { reason: 'aborted', message };

  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error && cause.message && !message.includes(cause.message)) {
    message = messageOf(`${message}: ${cause.message}`);
  }
  const reason =
    findCodeReason(error) ?? (NETWORK_MESSAGE.test(message) ? 'network' : TIMEOUT_MESSAGE.test(message) ? 'timeout' : 'error');
  return { reason, message };
}
