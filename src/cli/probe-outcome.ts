/** What one probe found, and the exit code it means. */
export interface ProbeOutcome {
  /** 0 healthy (or any other 2xx), 1 degraded, 2 unhealthy, not ready or unreachable. */
  exitCode: 0 | 1 | 2;
  /** The endpoint's `status` word, `HTTP <code>` for a body without one, or `unreachable`. */
  status: string;
  httpStatus?: number;
  /** The endpoint's JSON answer, when it gave one. */
  body?: Record<string, unknown>;
  /** Why there is no usable answer (unreachable, timed out). */
  error?: string;
  /** How long the request took. */
  elapsedMs: number;
}

/**
 * Reads an answer the way a load balancer would, plus one nuance: a 2xx that
 * says `degraded` is 1, so a pipeline can tell "serving, but" from "fine".
 */
export function readAnswer(httpStatus: number, bodyText: string, elapsedMs: number): ProbeOutcome {
  const body = parseObject(bodyText);
  const word = typeof body?.status === 'string' ? body.status : `HTTP ${httpStatus}`;
  const ok = httpStatus >= 200 && httpStatus < 300;
  const exitCode = !ok ? 2 : word === 'degraded' ? 1 : 0;
  return { exitCode, status: word, httpStatus, ...(body ? { body } : {}), elapsedMs };
}

/** A fetch that failed before any answer came, in words an operator can act on. */
export function unreachable(error: unknown, timeoutMs: number, elapsedMs: number): ProbeOutcome {
  return { exitCode: 2, status: 'unreachable', error: describeFetchError(error, timeoutMs), elapsedMs };
}

const CAUSES: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused (is the service running on that port?)',
  ENOTFOUND: 'host name not found (check the URL)',
  EAI_AGAIN: 'host name lookup failed (DNS)',
  ECONNRESET: 'connection reset by the server',
  EHOSTUNREACH: 'host unreachable',
  ETIMEDOUT: 'connection timed out',
};

export function describeFetchError(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs} ms`;
  }
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  if (code && CAUSES[code]) return CAUSES[code];
  if (code?.startsWith('ERR_TLS') || code?.includes('CERT')) return `TLS error (${code})`;
  const message = error instanceof Error ? error.message : String(error);
  return code ?? (typeof cause?.message === 'string' ? `${message}: ${cause.message}` : message);
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
