import { describe, expect, it } from 'vitest';
import httpApiFixture from '../../../test/fixtures/lambda/api-gateway-v2.json' with { type: 'json' };
import functionUrlFixture from '../../../test/fixtures/lambda/function-url.json' with { type: 'json' };
import { echoHandler, fixedHandler, readEcho } from '../../../test/fixtures/lambda/echo-handler.ts';
import { handle } from './handle.ts';
import { toRequest } from './to-request.ts';
import type { ApiGatewayV2Result } from './types.ts';

const httpApi = (changes: Record<string, unknown> = {}) => ({ ...structuredClone(httpApiFixture), ...changes });
const functionUrl = (changes: Record<string, unknown> = {}) => ({ ...structuredClone(functionUrlFixture), ...changes });
const withMethod = (event: ReturnType<typeof httpApi>, method: string) => {
  event.requestContext.http.method = method;
  return event;
};
const run = async (handler: Parameters<typeof handle>[0], input: unknown) => (await handle(handler)(input)) as ApiGatewayV2Result;

describe('HTTP API (v2) → Request', () => {
  it('builds the URL from the Host header, rawPath and rawQueryString', () => {
    const request = toRequest(httpApi());
    expect(request.method).toBe('GET');
    expect(request.url).toBe('https://aaaaaaaaaa.execute-api.us-west-2.amazonaws.com/health/ready?exclude=cache');
    expect(request.headers.get('user-agent')).toBe('curl/7.58.0');
    expect(request.headers.get('x-forwarded-for')).toBe('1.2.3.4');
  });

  it('keeps rawQueryString as sent: repeats and percent-encoding intact', () => {
    const url = new URL(toRequest(httpApi({ rawQueryString: 'exclude=db&exclude=cache%2Fredis&q=a+b%26c' })).url);
    expect(url.search).toBe('?exclude=db&exclude=cache%2Fredis&q=a+b%26c');
    expect(url.searchParams.getAll('exclude')).toEqual(['db', 'cache/redis']);
    expect(url.searchParams.get('q')).toBe('a b&c');
  });

  it('honours x-forwarded-proto: http', () => {
    const event = httpApi();
    event.headers['x-forwarded-proto'] = 'http';
    expect(toRequest(event).url.startsWith('http://aaaaaaaaaa.')).toBe(true);
  });

  it('keeps the named stage that HTTP APIs leave in rawPath', () => {
    expect(new URL(toRequest(httpApi({ rawPath: '/prod/health/live' })).url).pathname).toBe('/prod/health/live');
  });

  it('decodes a base64 body on POST', async () => {
    const event = withMethod(httpApi({ body: 'eyJhIjoxfQ==', isBase64Encoded: true }), 'POST');
    expect(await toRequest(event).text()).toBe('{"a":1}');
  });
});

describe('Function URL (v2) → Request', () => {
  it('rebuilds Cookie from cookies, keeps comma-joined headers and the body', async () => {
    const request = toRequest(functionUrl());
    expect(request.method).toBe('POST');
    expect(request.url).toBe(
      'https://a7kq2m3xz5v4w6y8b9c0d1e2f3g4h5j6.lambda-url.us-west-2.on.aws/health/ready?parameter1=value1&parameter1=value2&parameter2=value',
    );
    expect(request.headers.get('cookie')).toBe('cookie1; cookie2');
    expect(request.headers.get('header2')).toBe('value1,value2');
    expect(request.headers.get('x-forwarded-for')).toBe('123.123.123.123');
    expect(await request.text()).toBe('Hello from client!');
  });
});

describe('Response → v2 result', () => {
  it('answers with headers, and Set-Cookie as cookies', async () => {
    const cookies = ['session=abc; Path=/; HttpOnly', 'seen=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT'];
    const result = await run(fixedHandler({ body: 'ok', cookies }), functionUrl());
    expect(result.statusCode).toBe(200);
    expect(result.cookies).toEqual(cookies);
    expect(result.headers['set-cookie']).toBeUndefined();
    expect(result.headers['cache-control']).toBe('no-store');
    expect(result).not.toHaveProperty('multiValueHeaders');
  });

  it('has no cookies field when there are none, and echoes the request', async () => {
    const result = await run(echoHandler, httpApi());
    expect(result).not.toHaveProperty('cookies');
    expect(result.headers['content-type']).toBe('application/json');
    expect(readEcho(result).url).toBe('https://aaaaaaaaaa.execute-api.us-west-2.amazonaws.com/health/ready?exclude=cache');
  });

  it('returns text types as text and others in base64', async () => {
    const health = await run(fixedHandler({ body: '{"status":"pass"}', contentType: 'application/health+json' }), httpApi());
    expect(health).toMatchObject({ body: '{"status":"pass"}', isBase64Encoded: false });
    const binary = await run(fixedHandler({ body: new Uint8Array([0, 255]), contentType: 'application/octet-stream' }), httpApi());
    expect(binary).toMatchObject({ body: 'AP8=', isBase64Encoded: true });
  });

  it('sends no body for HEAD', async () => {
    const result = await run(fixedHandler({ status: 503, body: 'down', cookies: ['a=1'] }), withMethod(httpApi(), 'HEAD'));
    expect(result).toEqual({
      statusCode: 503,
      headers: { 'cache-control': 'no-store', 'content-type': 'text/plain;charset=UTF-8' },
      cookies: ['a=1'],
      body: '',
      isBase64Encoded: false,
    });
  });
});
