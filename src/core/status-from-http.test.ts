import { describe, expect, it } from 'vitest';
import { statusExpectation, statusFromHttp, type ExpectStatus } from './status-from-http.ts';

describe('statusFromHttp', () => {
  it.each<[number, ExpectStatus | undefined, string, string | undefined]>([
    [200, undefined, 'healthy', undefined],
    [204, undefined, 'healthy', undefined],
    [301, undefined, 'degraded', 'HTTP 301'],
    [404, undefined, 'degraded', 'HTTP 404'],
    [500, undefined, 'unhealthy', 'HTTP 500'],
    [503, undefined, 'unhealthy', 'HTTP 503'],
    [404, 404, 'healthy', undefined],
    [200, [201, 202], 'degraded', 'HTTP 200'],
    [503, (code: number) => code === 503, 'healthy', undefined],
  ])('status %i with expectStatus %o is %s', (code, expect_, status, message) => {
    const result = statusFromHttp(code, statusExpectation(expect_));
    expect(result.status).toBe(status);
    expect(result.message).toBe(message);
    expect(result.details).toEqual({ status_code: code });
    expect(result.reason).toBe(status === 'healthy' ? undefined : 'http_status');
  });
});
