/** Shorter secrets are left alone: scrubbing them would mangle ordinary words. */
const MIN_SECRET_LENGTH = 4;

/** Replaces every secret inside the string values of a flat record. */
export function redactSecrets<T extends Record<string, string | null>>(record: T, secrets: readonly string[]): T {
  const longestFirst = secrets.filter((secret) => secret.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
  const scrub = (text: string): string => longestFirst.reduce((out, secret) => out.split(secret).join('[redacted]'), text);
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => [key, value === null ? null : scrub(value)]),
  ) as T;
}
