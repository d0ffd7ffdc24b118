import { describe, expect, it } from 'vitest';
import { EnvReader } from './env-reader.ts';
import { httpChecksFromEnv } from './http-checks-from-env.ts';

const read = (value: string): { names: string[]; problems: string[] } => {
  const env = new EnvReader({ HEALTH_HTTP_CHECKS: value });
  const checks = httpChecksFromEnv(env);
  return { names: checks.map((check) => check.name), problems: env.problems };
};

describe('httpChecksFromEnv', () => {
  it.each([
    ['https://a.test/x, https://a.test/y https://b.test', ['a.test', 'a.test-2', 'b.test']],
    [JSON.stringify([{ name: 'api', url: 'https://a.test/', timeout_ms: '250', category: 'non-critical' }]), ['api']],
    [JSON.stringify([{ name: 'api', url: 'https://a.test/', timeout_ms: 2000, slow_ms: '500' }]), ['api']],
    [JSON.stringify([{ url: 'https://u:p@a.test/', expect_status: [200, 204], headers: { 'x-a': 'b' }, method: 'head' }]), ['a.test']],
  ])('reads %j as checks %j', (value, names) => {
    expect(read(value)).toEqual({ names, problems: [] });
  });

  it.each([
    ['[', 'HEALTH_HTTP_CHECKS is not valid JSON: at character 2, expected a value.'],
    ['[1]', 'HEALTH_HTTP_CHECKS[0] must be a URL string or an object with name and url.'],
    ['[{"name": "api"}]', 'HEALTH_HTTP_CHECKS[0].url must be an absolute http or https URL.'],
    ['[{"url": "https://a.test", "name": "a b"}]', "HEALTH_HTTP_CHECKS[0].name must be 1-63 letters, digits, '_', '.', ':' or '-', starting with a letter or digit."],
    ['[{"url": "https://a.test", "category": "vital"}]', 'HEALTH_HTTP_CHECKS[0].category must be "critical" or "non-critical".'],
    ['[{"url": "https://a.test", "timeout_ms": 0}]', 'HEALTH_HTTP_CHECKS[0].timeout_ms must be a whole number of milliseconds from 1 to 60000.'],
    ['[{"url": "https://a.test", "timeout_ms": "2s"}]', 'HEALTH_HTTP_CHECKS[0].timeout_ms must be a whole number of milliseconds from 1 to 60000.'],
    ['[{"url": "https://a.test", "slow_ms": 5000}]', 'HEALTH_HTTP_CHECKS[0].slow_ms must be a number of milliseconds below its timeoutMs (5000).'],
    ['[{"url": "https://a.test", "slow_ms": "fast"}]', 'HEALTH_HTTP_CHECKS[0].slow_ms must be a number of milliseconds below its timeoutMs (5000).'],
    ['[{"url": "https://a.test", "method": 5}]', 'HEALTH_HTTP_CHECKS[0].method must be an HTTP method such as "GET" or "HEAD".'],
    ['[{"url": "https://a.test", "expect_status": "200"}]', 'HEALTH_HTTP_CHECKS[0].expect_status must be a status code or a list of status codes (100-599).'],
    ['[{"url": "https://a.test", "headers": ["x"]}]', 'HEALTH_HTTP_CHECKS[0].headers must be an object of header names and string values valid in HTTP.'],
    ['[{"url": "https://a.test"}, {"url": "https://b.test", "timeout": 5}]', 'HEALTH_HTTP_CHECKS[1] has an unknown key (key 2); known keys: name, url, category, timeout_ms, slow_ms, method, expect_status, headers, follow_redirects.'],
    ['{"url": "https://a.test"}', 'HEALTH_HTTP_CHECKS must be a JSON array.'],
  ])('names the entry and field of %j', (value, problem) => {
    expect(read(value).problems).toEqual([problem]);
  });

  it('hands slow_ms to the check, which then reports a slow success as degraded', () => {
    const [check] = httpChecksFromEnv(new EnvReader({ HEALTH_HTTP_CHECKS: JSON.stringify([{ url: 'https://a.test/', timeout_ms: 2000, slow_ms: 500 }]) }));
    expect(check?.slowMs).toBe(500);
  });
});
