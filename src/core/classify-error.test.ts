import { describe, expect, it } from 'vitest';
import { classifyError, messageOf } from './classify-error.ts';
import { CheckError } from './errors.ts';
import type { FailureReason } from './types.ts';

/** An error as a runtime's `fetch` threw it: name, message, code and cause, as recorded. */
interface Shape {
  name: string;
  message: string;
  code?: string | number;
  cause?: Shape;
}

const rebuild = ({ name, message, code, cause }: Shape): Error => {
  const error = new Error(message, cause ? { cause: rebuild(cause) } : undefined);
  error.name = name;
  if (code !== undefined) Object.assign(error, { code });
  return error;
};

type Runtime = 'node' | 'bun' | 'deno' | 'workerd';
type Fault = 'refused' | 'reset' | 'closed without an answer' | 'unknown DNS name' | 'TLS to a plain port' | 'untrusted certificate' | 'deadline';

const fetchFailed = (cause: Shape): Shape => ({ name: 'TypeError', message: 'fetch failed', cause });
const deadline = (message: string): Shape => ({ name: 'TimeoutError', message, code: 23 });
const lost: Shape = { name: 'Error', message: 'Network connection lost.' };
const internal = (reference: string): Shape => ({ name: 'Error', message: `internal error; reference = ${reference}` });

/**
 * What `fetch` threw in each runtime for each fault, recorded with
 * `npx tsx scripts/record-fetch-errors.ts` (Node 22.23, Bun 1.4.5, Deno 2.9.5, workerd
 * through Miniflare 5.20261023), and the reason each must get: the same on every runtime.
 */
const RECORDED: [Runtime, Fault, Shape, FailureReason][] = [
  ['node', 'refused', fetchFailed({ name: 'Error', message: 'connect ECONNREFUSED 127.0.0.1:33767', code: 'ECONNREFUSED' }), 'network'],
  ['bun', 'refused', { name: 'TypeError', message: 'ECONNREFUSED: Unable to connect. Is the computer able to access the url?', code: 'ECONNREFUSED' }, 'network'],
  ['deno', 'refused', fetchFailed({ name: 'Error', message: 'error sending request for url (http://127.0.0.1:33767/): client error (Connect): tcp connect error: Connection refused (os error 111)' }), 'network'],
  ['workerd', 'refused', lost, 'network'],

  ['node', 'reset', fetchFailed({ name: 'Error', message: 'read ECONNRESET', code: 'ECONNRESET' }), 'network'],
  ['bun', 'reset', { name: 'TypeError', message: 'ECONNRESET: The socket connection was closed unexpectedly. For more information, pass `verbose: true` in the second argument to fetch()', code: 'ECONNRESET' }, 'network'],
  ['deno', 'reset', fetchFailed({ name: 'Error', message: 'Connection reset by peer (os error 104)' }), 'network'],
  ['workerd', 'reset', lost, 'network'],

  ['node', 'closed without an answer', fetchFailed({ name: 'SocketError', message: 'other side closed', code: 'UND_ERR_SOCKET' }), 'network'],
  ['bun', 'closed without an answer', { name: 'TypeError', message: 'ECONNRESET: The socket connection was closed unexpectedly. For more information, pass `verbose: true` in the second argument to fetch()', code: 'ECONNRESET' }, 'network'],
  ['deno', 'closed without an answer', fetchFailed({ name: 'Error', message: 'error sending request from 127.0.0.1:54720 for http://127.0.0.1:45259/ (127.0.0.1:45259): client error (SendRequest): connection closed before message completed' }), 'network'],
  ['workerd', 'closed without an answer', lost, 'network'],

  ['node', 'unknown DNS name', fetchFailed({ name: 'Error', message: 'getaddrinfo ENOTFOUND x.invalid', code: 'ENOTFOUND' }), 'network'],
  ['bun', 'unknown DNS name', { name: 'TypeError', message: 'getaddrinfo ENOTFOUND x.invalid', code: 'ENOTFOUND' }, 'network'],
  ['deno', 'unknown DNS name', fetchFailed({ name: 'Error', message: 'error sending request for url (http://x.invalid/): client error (Connect): dns error: failed to lookup address information: Name or service not known' }), 'network'],
  ['workerd', 'unknown DNS name', internal('bsh55oo1n6u1508n3cpcj45u'), 'network'],

  ['node', 'TLS to a plain port', fetchFailed({ name: 'Error', message: 'C0ACA1F4007F0000:error:0A00010B:SSL routines:tls_validate_record_header:wrong version number:../deps/openssl/openssl/ssl/record/methods/tlsany_meth.c:77:\n', code: 'ERR_SSL_WRONG_VERSION_NUMBER' }), 'network'],
  ['bun', 'TLS to a plain port', { name: 'TypeError', message: 'EPROTO: The TLS handshake failed. Does the server speak TLS on this port?', code: 'EPROTO' }, 'network'],
  ['deno', 'TLS to a plain port', fetchFailed({ name: 'Error', message: 'error sending request for url (https://127.0.0.1:33223/): client error (Connect): received corrupt message of type InvalidContentType' }), 'network'],
  ['workerd', 'TLS to a plain port', internal('7n1f74hfv2voai7f212aj9tn'), 'network'],

  ['node', 'untrusted certificate', fetchFailed({ name: 'Error', message: 'self-signed certificate', code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }), 'network'],
  ['bun', 'untrusted certificate', { name: 'TypeError', message: 'self signed certificate', code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }, 'network'],
  ['deno', 'untrusted certificate', fetchFailed({ name: 'Error', message: 'error sending request for url (https://127.0.0.1:33603/): client error (Connect): invalid peer certificate: Other(OtherError(CaUsedAsEndEntity))' }), 'network'],
  ['workerd', 'untrusted certificate', internal('d4ffkek8baqvqn6h2o3cci1m'), 'network'],

  ['node', 'deadline', deadline('The operation was aborted due to timeout'), 'timeout'],
  ['bun', 'deadline', deadline('The operation timed out.'), 'timeout'],
  ['deno', 'deadline', deadline('The operation was aborted due to timeout'), 'timeout'],
  ['workerd', 'deadline', deadline('The operation was aborted due to timeout'), 'timeout'],
];

describe('classifyError on the errors each runtime really throws', () => {
  const byReason = RECORDED.map(([runtime, fault, shape, reason]) => [runtime, fault, reason, shape] as const);

  it.each(byReason)('%s, %s → %s', (_runtime, _fault, reason, shape) => {
    expect(classifyError(rebuild(shape)).reason).toBe(reason);
  });

  it.each(byReason)('%s, %s: still %s when a check wraps the error with what failed', (_runtime, _fault, reason, shape) => {
    // As the Neon and Upstash checks do: "cannot reach …: <message>", the original as cause.
    const source = rebuild(shape);
    const wrapped = new Error(`cannot reach the database over HTTP: ${source.message}`, { cause: source });
    expect(classifyError(wrapped).reason).toBe(reason);
  });

  it('gives every fault one reason on every runtime', () => {
    const reasons = new Map<Fault, Set<FailureReason>>();
    for (const [, fault, shape] of RECORDED) {
      reasons.set(fault, (reasons.get(fault) ?? new Set()).add(classifyError(rebuild(shape)).reason));
    }
    for (const [fault, seen] of reasons) expect([fault, [...seen]]).toEqual([fault, [expect.any(String)]]);
    expect(new Set(RECORDED.map(([runtime]) => runtime)).size).toBe(4);
  });

  it("keeps the runtime's own words in the message, the cause's included", () => {
    const node = classifyError(rebuild(RECORDED[0]![2]));
    expect(node.message).toBe('fetch failed: connect ECONNREFUSED 127.0.0.1:33767');
    expect(classifyError(rebuild(lost)).message).toBe('Network connection lost.');
  });
});

describe('classifyError', () => {
  it('keeps the reason, message and details a check gave in a CheckError', () => {
    const error = new CheckError('auth', 'token rejected', { details: { status_code: 401 } });
    expect(classifyError(error)).toEqual({ reason: 'auth', message: 'token rejected', details: { status_code: 401 } });
    expect(classifyError(new CheckError('protocol', 'bad frame'))).toEqual({ reason: 'protocol', message: 'bad frame' });
  });

  it.each<[string, unknown, FailureReason]>([
    ['a DOMException TimeoutError', new DOMException('signal timed out', 'TimeoutError'), 'timeout'],
    ['a DOMException AbortError', new DOMException('This operation was aborted', 'AbortError'), 'aborted'],
    ['a plain object named AbortError (another realm)', { name: 'AbortError', message: 'aborted' }, 'aborted'],
    ['a system error code deep in the cause chain', new Error('a', { cause: new Error('b', { cause: Object.assign(new Error('c'), { code: 'EHOSTUNREACH' }) }) }), 'network'],
    ['a Neon error whose fetch failure is its sourceError', Object.assign(new Error('Error connecting to database'), { sourceError: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) }), 'network'],
    ["Node's happy-eyeballs AggregateError of refused addresses", new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1:1'), { code: 'ECONNREFUSED' })], ''), 'network'],
    ["undici's connect timeout", Object.assign(new Error('Connect Timeout Error'), { code: 'UND_ERR_CONNECT_TIMEOUT' }), 'timeout'],
    ['a message that says it timed out', new Error('upstream timed out'), 'timeout'],
    ['a SQLSTATE code, which names no transport fault', Object.assign(new Error('relation does not exist'), { code: '42P01' }), 'error'],
    ['an ordinary bug', new TypeError("Cannot read properties of undefined (reading 'rows')"), 'error'],
    ['a thrown string', 'boom', 'error'],
    ['a thrown number', 42, 'error'],
    ['undefined', undefined, 'error'],
  ])('%s → %s', (_label, error, reason) => {
    expect(classifyError(error).reason).toBe(reason);
  });

  it('stops walking a cause chain that points back at itself', () => {
    const error = new Error('loop');
    Object.assign(error, { cause: error });
    expect(classifyError(error).reason).toBe('error');
  });

  it('does not repeat a cause the message already contains', () => {
    const cause = new Error('socket hang up');
    expect(classifyError(new Error('request failed: socket hang up', { cause })).message).toBe('request failed: socket hang up');
  });
});

describe('messageOf', () => {
  it.each<[string, unknown, string]>([
    ['an Error', new Error('  boom  '), 'boom'],
    ['a string', 'plain words', 'plain words'],
    ['an Error without a message: its name', Object.assign(new Error(''), { name: 'SyntaxError' }), 'SyntaxError'],
    ['something else', { oops: true }, 'check failed'],
    ['null', null, 'check failed'],
  ])('%s → %j', (_label, error, message) => {
    expect(messageOf(error)).toBe(message);
  });

  it('cuts a long message to 300 characters, ending in an ellipsis', () => {
    const message = messageOf(new Error('x'.repeat(1000)));
    expect(message).toHaveLength(300);
    expect(message.endsWith('x…')).toBe(true);
    expect(messageOf('y'.repeat(300))).toBe('y'.repeat(300));
  });
});
