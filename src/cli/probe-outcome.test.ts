import { describe, expect, it } from 'vitest';
import { describeFetchError, readAnswer, unreachable } from './probe-outcome.ts';

describe('readAnswer', () => {
  it.each<[number, string, 0 | 1 | 2, string]>([
    [200, '{"status":"healthy"}', 0, 'healthy'],
    [200, '{"status":"degraded"}', 1, 'degraded'],
    [503, '{"status":"unhealthy"}', 2, 'unhealthy'],
    [503, '{"status":"draining"}', 2, 'draining'],
    [503, '{"status":"not_started"}', 2, 'not_started'],
    [200, '{"status":"started"}', 0, 'started'],
    [200, 'ok', 0, 'HTTP 200'],
    [404, '{"status":"error","error":"Not found"}', 2, 'error'],
    [500, '<html>', 2, 'HTTP 500'],
    [200, '[1,2]', 0, 'HTTP 200'],
  ])('HTTP %d with %j exits %d as %j', (httpStatus, body, exitCode, status) => {
    expect(readAnswer(httpStatus, body, 5)).toMatchObject({ exitCode, status, httpStatus, elapsedMs: 5 });
  });

  it('keeps the JSON body for the table and --json', () => {
    expect(readAnswer(200, '{"status":"healthy","version":"1"}', 1).body).toEqual({ status: 'healthy', version: '1' });
    expect(readAnswer(200, 'plain', 1)).not.toHaveProperty('body');
  });
});

describe('describeFetchError', () => {
  const fetchFailed = (code: string): Error => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });

  it.each<[unknown, RegExp]>([
    [new DOMException('timed out', 'TimeoutError'), /no answer within 1500 ms/],
    [fetchFailed('ECONNREFUSED'), /connection refused/],
    [fetchFailed('ENOTFOUND'), /host name not found/],
    [fetchFailed('ERR_TLS_CERT_ALTNAME_INVALID'), /TLS error/],
    [fetchFailed('EWHATEVER'), /EWHATEVER/],
    [new Error('boom'), /boom/],
    [Object.assign(new TypeError('fetch failed'), { cause: new Error('bad port') }), /^fetch failed: bad port$/],
  ])('describes %s', (error, message) => {
    expect(describeFetchError(error, 1500)).toMatch(message);
  });

  it('makes an unreachable endpoint exit 2', () => {
    expect(unreachable(fetchFailed('ECONNREFUSED'), 1000, 3)).toMatchObject({ exitCode: 2, status: 'unreachable' });
  });
});
