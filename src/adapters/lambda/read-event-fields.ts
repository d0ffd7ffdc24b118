import { describeValue } from './describe-value.ts';
import { isRecord } from './is-record.ts';
import { LambdaEventError } from './lambda-event-error.ts';
import { pick } from './pick.ts';

export function requireString(event: unknown, ...path: readonly string[]): string {
  const value = pick(event, ...path);
  if (typeof value === 'string' && value !== '') return value;
  const field = path.join('.');
  if (value === undefined) throw new LambdaEventError(`"${field}" is missing.`);
  throw new LambdaEventError(`"${field}" should be a non-empty string but is ${describeValue(value)}.`);
}

export function optionalString(event: unknown, ...path: readonly string[]): string | undefined {
  const value = pick(event, ...path);
  if (value === undefined || value === null || typeof value === 'string') return value ?? undefined;
  throw new LambdaEventError(`"${path.join('.')}" should be a string but is ${describeValue(value)}.`);
}

/**
 * Reads a `{ name: value }` or (preferred, as it keeps repeats) `{ name: [values] }`
 * map into name/value pairs. AWS sends `null` for an empty map.
 */
export function readPairs(event: unknown, single: string, multi?: string): Array<[string, string]> {
  const many = multi === undefined ? undefined : pick(event, multi);
  if (multi !== undefined && many !== undefined && many !== null) return listPairs(many, multi);
  const one = pick(event, single);
  if (one === undefined || one === null) return [];
  if (!isRecord(one)) throw new LambdaEventError(`"${single}" should be an object of strings but is ${describeValue(one)}.`);
  const pairs: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(one)) {
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') throw new LambdaEventError(`"${single}" entry "${name}" should be a string but is ${describeValue(value)}.`);
    pairs.push([name, value]);
  }
  return pairs;
}

function listPairs(many: unknown, field: string): Array<[string, string]> {
  if (!isRecord(many)) throw new LambdaEventError(`"${field}" should be an object of string arrays but is ${describeValue(many)}.`);
  const pairs: Array<[string, string]> = [];
  for (const [name, values] of Object.entries(many)) {
    if (values === undefined || values === null) continue;
    if (!Array.isArray(values) || values.some((value) => typeof value !== 'string')) {
      throw new LambdaEventError(`"${field}" entry "${name}" should be an array of strings but is ${describeValue(values)}.`);
    }
    for (const value of values as string[]) pairs.push([name, value]);
  }
  return pairs;
}
