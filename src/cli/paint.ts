export type Tone = 'good' | 'warn' | 'bad' | 'dim' | 'bold';

/** Colours a piece of text, or leaves it alone. */
export type Paint = (tone: Tone, text: string) => string;

const CODES: Readonly<Record<Tone, [number, number]>> = {
  good: [32, 39],
  warn: [33, 39],
  bad: [31, 39],
  dim: [2, 22],
  bold: [1, 22],
};

export const plain: Paint = (_tone, text) => text;

export const ansi: Paint = (tone, text) => `\u001b[${CODES[tone][0]}m${text}\u001b[${CODES[tone][1]}m`;

/**
 * Colour only for a person at a terminal: never into a pipe or a file, never
 * with NO_COLOR set (https://no-color.org), FORCE_COLOR turns it on anywhere.
 */
export function choosePaint(isTTY: boolean | undefined, env: Readonly<Record<string, string | undefined>>, wanted: boolean): Paint {
  if (!wanted || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return plain;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return ansi;
  return isTTY === true && env.TERM !== 'dumb' ? ansi : plain;
}
