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
const CODE_REASONS: Record<string, FailureReason> = {
  ECONNREFUSED: 'network',
  ECONNRESET: 'network',
  ECONNABORTED: 'network',
  EPIPE: 'network',
  EHOSTUNREACH: 'network',
  ENETUNREACH: 'network',
  ENOTFOUND: 'network',
  EAI_AGAIN: 'network',
  EPROTO: 'network',
  UND_ERR_SOCKET: 'network',
  UND_ERR_CLOSED: 'network',
  CERT_HAS_EXPIRED: 'network',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'network',
  SELF_SIGNED_CERT_IN_CHAIN: 'network',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'network',
  ERR_TLS_CERT_ALTNAME_INVALID: 'network',
  ERR_SSL_WRONG_VERSION_NUMBER: 'network',
  ETIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
};

const MESSAGE_REASONS: [RegExp, FailureReason][] = [
  [
    /network connection lost|internal error; reference = |connection (?:refused|reset|closed)|unable to connect|socket hang up|other side closed|fetch failed|network error|failed to fetch|getaddrinfo|dns error|name resolution|not resolve|certificate|TLS|SSL|ECONN[A-Z]+|ENOTFOUND/i,
    'network',
  ],
  [/timed? ?out/i, 'timeout'],
];

const errorName = (error: unknown): string | undefined =>
  error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error)
    ? String((error as { name: unknown }).name)
    : undefined;

/** Walks `cause` chains (and AggregateError members) looking for a system error code. */
function findCode(error: unknown, depth = 0): string | undefined {
  if (depth > 5 || typeof error !== 'object' || error === null) return undefined;
  const { code, cause, errors, sourceError } = error as {
    code?: unknown;
    cause?: unknown;
    errors?: unknown;
    sourceError?: unknown;
  };
  if (typeof code === 'string' && code in CODE_REASONS) return code;
  for (const inner of [cause, sourceError, ...(Array.isArray(errors) ? errors : [])]) {
    const found = findCode(inner, depth + 1);
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
  if (isCheckError(error)) {
    return {
      reason: error.reason,
      message: messageOf(error),
      ...(error.details ? { details: error.details } : {}),
    };
  }
  const name = errorName(error);
  if (name === 'TimeoutError') return { reason: 'timeout', message: messageOf(error) };
  if (name === 'AbortError') return { reason: 'aborted', message: messageOf(error) };

  const code = findCode(error);
  let message = messageOf(error);
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error && cause.message && !message.includes(cause.message)) {
    message = messageOf(`${message}: ${cause.message}`);
  }
  if (code) return { reason: CODE_REASONS[code] ?? 'error', message };
  for (const [pattern, reason] of MESSAGE_REASONS) {
    if (pattern.test(message)) return { reason, message };
  }
  return { reason: 'error', message };
}
