import { isCheckOptionError, switchWord } from '../core/index.ts';

/** Environment as platforms hand it over: Worker `env`, `process.env`, Netlify's `Netlify.env`. */
export type EnvSource = Readonly<Record<string, unknown>>;

/** An inclusive range of whole milliseconds. */
export interface MillisecondRange {
  min: number;
  max: number;
}

/**
 * Reads typed values out of the environment and collects every problem, so that
 * one error lists them all. A problem names the variable and what is expected,
 * never the value: a mis-pasted secret must not reach a log or a response.
 *
 * Options of checks (category, timeout, URLs) are only read here; the check
 * factories validate them (see `defineCheck`).
 */
export class EnvReader {
  readonly problems: string[] = [];
  constructor(private readonly env: EnvSource) {}

  /** Trimmed; an empty value counts as unset. */
  string(name: string): string | undefined {
    const value = this.env[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') {
      this.problems.push(`${name} must be a string (it is a ${typeof value} binding).`);
      return undefined;
    }
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }

  /** A check category as people write it (`Non_Critical`), in the form `defineCheck` accepts. */
  category(name: string): string | undefined {
    return this.string(name)?.toLowerCase().replaceAll('_', '-');
  }

  /** A whole number; anything else reads as NaN, for the validator downstream to name. */
  wholeNumber(name: string): number | undefined {
    const value = this.string(name);
    return value === undefined ? undefined : wholeNumberOf(value);
  }

  milliseconds(name: string, fallback: number, { min, max }: MillisecondRange): number {
    return this.#ranged(name, fallback, min, max, `a whole number of milliseconds from ${min} to ${max}`);
  }

  /** A whole number from `min` to `max` (a count, a threshold). */
  count(name: string, fallback: number, { min, max }: { min: number; max: number }): number {
    return this.#ranged(name, fallback, min, max, `a whole number from ${min} to ${max}`);
  }

  /** A TCP port; 0 asks the system for a free one. */
  port(name: string, fallback: number): number {
    return this.#ranged(name, fallback, 0, 65_535, 'a port number from 0 to 65535');
  }

  /** A whole number from `min` to `max`, or the fallback and a problem saying what `name` must be. */
  #ranged(name: string, fallback: number, min: number, max: number, expected: string): number {
    const n = this.wholeNumber(name);
    if (n === undefined) return fallback;
    if (n >= min && n <= max) return n;
    this.problems.push(`${name} must be ${expected}.`);
    return fallback;
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.string(name);
    if (value === undefined) return fallback;
    const on = switchWord(value);
    if (on !== undefined) return on;
    this.problems.push(`${name} must be true or false (also 1/0, yes/no, on/off).`);
    return fallback;
  }
}

/**
 * Runs a check factory (or anything that validates by throwing `ConfigError`)
 * and turns its error into a problem: `labelOf` names the variable or field
 * behind an option. Other errors are bugs and propagate.
 */
export function built<T>(problems: string[], labelOf: (option: string) => string, make: () => T): T | undefined {
  try {
    return make();
  } catch (error) {
    if (isCheckOptionError(error)) problems.push(`${labelOf(error.option)} ${error.expected}.`);
    else if (error instanceof Error && error.name === 'ConfigError') problems.push(error.message);
    else throw error;
    return undefined;
  }
}

/** Digits only (no sign, decimal point or exponent), else NaN. */
export function wholeNumberOf(value: unknown): number {
  if (typeof value === 'number') return value;
  return typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : Number.NaN;
}
