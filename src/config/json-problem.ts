import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

/** What each parse error means to someone editing the variable. */
const EXPECTED: Readonly<Record<string, string>> = {
  InvalidSymbol: 'a JSON value (strings in double quotes)',
  InvalidNumberFormat: 'a number',
  PropertyNameExpected: 'a property name in double quotes',
  ValueExpected: 'a value',
  ColonExpected: 'a colon',
  CommaExpected: 'a comma',
  CloseBraceExpected: 'a closing }',
  CloseBracketExpected: 'a closing ]',
  EndOfFileExpected: 'the end of the text after the array',
  InvalidCommentToken: 'no comment (JSON has none)',
  UnexpectedEndOfComment: 'no comment (JSON has none)',
  UnexpectedEndOfString: 'a closing double quote',
  UnexpectedEndOfNumber: 'a digit',
  InvalidUnicode: 'four hex digits after \\u',
  InvalidEscapeCharacter: 'a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u)',
  InvalidCharacter: 'no control character inside a string',
};

/**
 * Where a text that `JSON.parse` rejected goes wrong, and what was expected
 * there, without a byte of the text. Why not `JSON.parse`'s message: V8 quotes
 * the text around the error (a short token leaks whole), JavaScriptCore quotes
 * the offending token.
 */
export function jsonProblem(text: string): string {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first === undefined) return 'the text is not valid JSON';
  const expected = EXPECTED[printParseErrorCode(first.error)] ?? 'valid JSON';
  return `at character ${first.offset + 1}, expected ${expected}`;
}
