import fc from 'fast-check';
import { expect } from 'vitest';
import { ROTATION_TOKEN } from '../../src/core/rotation-token.ts';

/** Route 53 looks for its string in the first 5,120 bytes of the body only. */
export const ROUTE53_BYTES = 5120;

/** Every place the token occurs, found as a case-folding monitor would find it. */
export function tokenOffsets(body: string): number[] {
  const folded = [body.toUpperCase(), body.toLowerCase().toUpperCase(), body.toLowerCase()];
  const count = (text: string, token: string): number => text.split(token).length - 1;
  const counts = folded.map((text, i) => count(text, i === 2 ? ROTATION_TOKEN.toLowerCase() : ROTATION_TOKEN));
  const offsets: number[] = [];
  for (let at = body.indexOf(ROTATION_TOKEN); at !== -1; at = body.indexOf(ROTATION_TOKEN, at + 1)) offsets.push(new TextEncoder().encode(body.slice(0, at)).length);
  // A folded form may only find what the exact search found: nothing spells it by case or by escaping.
  for (const found of counts) expect(found).toBe(offsets.length);
  return offsets;
}

/** Text a check, a configuration or a caller could supply, leaning towards spellings of the token. */
const casing = fc.array(fc.boolean(), { minLength: ROTATION_TOKEN.length, maxLength: ROTATION_TOKEN.length }).map((upper) =>
  [...ROTATION_TOKEN].map((char, i) => (upper[i] ? char.toUpperCase() : char.toLowerCase())).join(''),
);
const piece = fc.oneof(
  casing,
  fc.constantFrom('\u001e', '\u000b', '\\', '"', '<', '&', '\n', 'X-EDGE-UP-7B3', '-7B3D', '\u212a', 'ı', 'ß', 'X', 'x-edge', ROTATION_TOKEN.slice(1)),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
export const suppliedText = fc.oneof(fc.string({ unit: 'binary' }), fc.array(piece, { maxLength: 6 }).map((parts) => parts.join('')));

