/** Shortest secret worth scrubbing: shorter values would mangle ordinary words. */
const MIN_SECRET_LENGTH = 4;
const REPLACEMENT = '[redacted]';

/** `scheme://user:password@host` → `scheme://[redacted]@host` */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi;
/** `password=…`, `token: …` and the like, in free text. */
const KEY_VALUE_SECRET =
  /\b(password|passwd|pwd|token|secret|api[_-]?key|authorization)(["']?\s*[:=]\s*["']?)(?:Bearer\s+)?[^\s"'&,;}]+/gi;

/**
 * Removes credentials from text meant for a response or a log line: the given
 * secret values, URL user-info and `key=value` pairs whose key names a secret.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= MIN_SECRET_LENGTH) out = out.split(secret).join(REPLACEMENT);
  }
  return out.replace(URL_CREDENTIALS, `$1${REPLACEMENT}@`).replace(KEY_VALUE_SECRET, `$1$2${REPLACEMENT}`);
}

/** Applies {@link redact} to every string inside a JSON-like value. */
export function redactDeep(value: unknown, secrets: readonly string[] = [], depth = 0): unknown {
  if (typeof value === 'string') return redact(value, secrets);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = redactDeep(item, secrets, depth + 1);
  return out;
}
