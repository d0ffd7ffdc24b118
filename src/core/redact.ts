/** Shortest secret worth scrubbing: shorter values would mangle ordinary words. */
const MIN_SECRET_LENGTH = 4;
const REPLACEMENT = '[redacted]';
/** Deeper values are replaced whole: what is not walked cannot be scrubbed. */
const MAX_DEPTH = 8;

/**
 * `scheme://user:password@host` → `scheme://[redacted]@host`. Repeated so that
 * an unencoded `@` inside the password (`p@ss`) is scrubbed up to the last one.
 */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)(?:[^\s/@]+@)+/gi;
/**
 * `password=…`, `token: …`, `PGPASSWORD=…`, `"client_secret": "…"` and the like,
 * in free text. A quoted value is scrubbed to its closing quote, spaces included
 * (to the end of the text when a cut message lost it); an auth scheme word
 * (`Bearer`, `Basic`) goes with the credentials after it.
 */
const KEY_VALUE_SECRET =
  /\b(\w*?(?:password|passwd|pwd|token|secret|api[_-]?key|authorization))(["']?\s*[:=]\s*)(?:(?:Bearer|Basic|Digest|Token)\s+)?("(?:[^"\\]|\\.)*"?|'(?:[^'\\]|\\.)*'?|[^\s"'&,;}]+)/gi;

const scrubValue = (_match: string, key: string, separator: string, value: string): string => {
  const quote = value[0] === '"' || value[0] === "'" ? value[0] : '';
  return `${key}${separator}${quote}${REPLACEMENT}${quote}`;
};

/**
 * Removes credentials from text meant for a response or a log line: the given
 * secret values, URL user-info and `key=value` pairs whose key names a secret.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= MIN_SECRET_LENGTH) out = out.split(secret).join(REPLACEMENT);
  }
  return out.replace(URL_CREDENTIALS, `$1${REPLACEMENT}@`).replace(KEY_VALUE_SECRET, scrubValue);
}

/** Applies {@link redact} to every string inside a JSON-like value, keys included. */
export function redactDeep(value: unknown, secrets: readonly string[] = [], depth = 0): unknown {
  if (typeof value === 'string') return redact(value, secrets);
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_DEPTH) return '[nested too deep]';
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[redact(key, secrets)] = redactDeep(item, secrets, depth + 1);
  return out;
}
