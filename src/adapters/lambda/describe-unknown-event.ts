import { describeValue } from './describe-value.ts';
import { isRecord } from './is-record.ts';
import { pick } from './pick.ts';

/** Why an event is not an HTTP event, with a hint at what it is instead. */
export function describeUnknownEvent(event: unknown): string {
  const expected = 'expected an HTTP event from API Gateway (REST v1, HTTP API v2), a Function URL or an ALB';
  if (!isRecord(event)) return `Unrecognised Lambda event: ${expected}, got ${describeValue(event)}.`;
  const source = pick(pick(event, 'Records'), '0', 'eventSource') ?? pick(event, 'source');
  const keys = Object.keys(event).slice(0, 5).map((key) => (key.length > 32 ? `${key.slice(0, 32)}…` : key));
  const what = typeof source === 'string' && /^[\w.:-]{1,64}$/.test(source) ? `an "${source}" event` : 'an object';
  const listed = keys.length === 0 ? 'no fields' : `fields ${keys.join(', ')}`;
  return `Unrecognised Lambda event: ${expected}, got ${what} with ${listed}. Is this function wired to another trigger?`;
}
