/** `base64` when the request has `Upstash-Encoding: base64` (the client's default), else `utf8`. */
export type ReplyEncoding = 'base64' | 'utf8';

export type JsonReply = string | number | null | JsonReply[];

/**
 * Turns an ioredis Buffer reply into the JSON `result` Upstash sends: bulk and
 * status strings as base64 or UTF-8 text (recursively in arrays), integers and
 * nil untouched.
 */
export function encodeReply(value: unknown, encoding: ReplyEncoding): JsonReply {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (Array.isArray(value)) return value.map((item) => encodeReply(item, encoding));
  // An error nested in an array (e.g. from EVAL) has no Upstash shape; its text is the most useful answer.
  const bytes = Buffer.isBuffer(value) ? value : Buffer.from(value instanceof Error ? value.message : String(value));
  return encoding === 'base64' ? bytes.toString('base64') : bytes.toString('utf8');
}
