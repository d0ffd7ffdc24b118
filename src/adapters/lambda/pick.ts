/** Reads a nested field of an untrusted value without throwing: `pick(event, 'requestContext', 'http', 'method')`. */
export function pick(value: unknown, ...keys: readonly string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
