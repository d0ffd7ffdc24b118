import type { EnvReader } from './env-reader.ts';

/** Where a text stops being JSON, and what would have been valid there. */
class JsonSyntax extends Error {
  constructor(
    readonly at: number,
    readonly expected: string,
  ) {
    super(expected);
  }
}

interface Cursor {
  readonly text: string;
  at: number;
  depth: number;
}

const MAX_DEPTH = 100;
// Why the control range: JSON forbids raw control characters inside strings.
// eslint-disable-next-line no-control-regex
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORDS = ['true', 'false', 'null'];

/**
 * Where a text that `JSON.parse` rejected goes wrong, and what was expected
 * there, without a byte of the text. Why not `JSON.parse`'s message: V8 quotes
 * the text around the error (a short token leaks whole), JavaScriptCore quotes
 * the offending token. Why not a library: jsonc-parser, the obvious one, ships
 * a UMD `main` that esbuild cannot bundle and an ESM build plain Node cannot load.
 */
export function jsonProblem(text: string): string {
  const cursor: Cursor = { text, at: 0, depth: 0 };
  try {
    value(cursor);
    space(cursor);
    if (cursor.at < text.length) throw new JsonSyntax(cursor.at, 'the end of the text after the value');
    return 'the text is not valid JSON';
  } catch (error) {
    if (!(error instanceof JsonSyntax)) throw error;
    return `at character ${error.at + 1}, expected ${error.expected}`;
  }
}

function space(c: Cursor): void {
  while (' \t\n\r'.includes(c.text[c.at] ?? 'x')) c.at += 1;
}

function value(c: Cursor): void {
  space(c);
  const ch = c.text[c.at];
  if (ch === '[' || ch === '{') return nested(c, ch);
  if (ch === '"') return token(c, STRING, 'a string closed by a double quote, with valid escapes and no control characters');
  if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return token(c, NUMBER, 'a number');
  const word = WORDS.find((w) => c.text.startsWith(w, c.at));
  if (word === undefined) throw new JsonSyntax(c.at, ch === "'" ? 'a JSON value (strings in double quotes)' : 'a value');
  c.at += word.length;
}

/** An array or an object: items separated by commas up to the closing bracket. */
function nested(c: Cursor, open: '[' | '{'): void {
  const close = open === '[' ? ']' : '}';
  if ((c.depth += 1) > MAX_DEPTH) throw new JsonSyntax(c.at, `at most ${MAX_DEPTH} levels of nesting`);
  c.at += 1;
  space(c);
  if (c.text[c.at] === close) c.at += 1;
  else {
    for (;;) {
      if (open === '{') member(c);
      else value(c);
      space(c);
      if (c.text[c.at] === close) break;
      if (c.text[c.at] !== ',') throw new JsonSyntax(c.at, `a comma or a closing ${close}`);
      c.at += 1;
    }
    c.at += 1;
  }
  c.depth -= 1;
}

function member(c: Cursor): void {
  space(c);
  if (c.text[c.at] !== '"') throw new JsonSyntax(c.at, 'a property name in double quotes');
  token(c, STRING, 'a property name closed by a double quote');
  space(c);
  if (c.text[c.at] !== ':') throw new JsonSyntax(c.at, 'a colon');
  c.at += 1;
  value(c);
}

function token(c: Cursor, pattern: RegExp, expected: string): void {
  pattern.lastIndex = c.at;
  if (!pattern.test(c.text)) throw new JsonSyntax(c.at, expected);
  c.at = pattern.lastIndex;
}

/**
 * A variable holding a JSON array, or the problem that it is not one; the
 * problem locates the fault by position and never quotes the text.
 */
export function jsonArrayFromEnv(env: EnvReader, variable: string, raw: string): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    env.problems.push(`${variable} is not valid JSON: ${jsonProblem(raw)}.`);
    return [];
  }
  if (Array.isArray(value)) return value;
  env.problems.push(`${variable} must be a JSON array.`);
  return [];
}
