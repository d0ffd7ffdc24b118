import { isCheckError } from './errors.ts';
import type { FailureReason } from './types.ts';

export interface ClassifiedError {
  reason: FailureReason;
  message: string;
  details?: Record<string, unknown>;
}

const MAX_MESSAGE_LENGTH = 300;

const CODE_REASONS: Record<string, FailureReason> = {
  ECONNREFUSED: 'refused',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  ECONNRESET: 'network',
  EPIPE: 'network',
  ETIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_SOCKET: 'network',
  EHOSTUNREACH: 'network',
  ENETUNREACH: 'network',
  CERT_HAS_EXPIRED: 'tls',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'tls',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'tls',
  ERR_TLS_CERT_ALTNAME_INVALID: 'tls',
};

const MESSAGE_REASONS: [RegExp, FailureReason][] = [
  [/connection refused|ECONNREFUSED/i, 'refused'],
  [/getaddrinfo|ENOTFOUND|DNS|name resolution|not resolve/i, 'dns'],
  [/certificate|TLS|SSL handshake/i, 'tls'],
  [/network connection lost|connection reset|socket hang up|ECONNRESET|fetch failed|network error|failed to fetch/i, 'network'],
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
