import { describe, expect, it } from 'vitest';
import fixture from '../../../test/fixtures/lambda/api-gateway-v1.json' with { type: 'json' };
import { echoHandler, fixedHandler, readEcho } from '../../../test/fixtures/lambda/echo-handler.ts';
import { handle } from './handle.ts';
import { toRequest } from './to-request.ts';
import type { ApiGatewayV1Result } from './types.ts';

const event = (changes: Record<string, unknown> = {}) => ({ ...structuredClone(fixture), ...changes });
const run = async (handler: Parameters<typeof handle>[0], input: unknown) =>
  (await handle(handler)(input, { awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef' })) as ApiGatewayV1Result;

describe('API Gateway REST (v1) → Request', () => {
  it('builds the URL from Host, X-Forwarded-Proto and path, without the stage', () => {
    const request = toRequest(event());
    expect(request.method).toBe('GET');
    expect(request.url).toBe('https://gy415nuibc.execute-api.us-east-1.amazonaws.com/health/ready?exclude=cache');
  });

  it('re-encodes the decoded query, repeats included', () => {
    const url = new URL(toRequest(event({ multiValueQueryStringParameters: { q: ['a b&c=d', 'ü/?'], exclude: ['cache'] } })).url);
    expect(url.searchParams.getAll('q')).toEqual(['a b&c=d', 'ü/?']);
    expect(url.searchParams.get('exclude')).toBe('cache');
  });

  it('falls back to queryStringParameters when there are no multi-value ones', () => {
    const request = toRequest(event({ multiValueQueryStringParameters: null, queryStringParameters: { verbose: '' } }));
    expect(new URL(request.url).search).toBe('?verbose=');
  });

  it('keeps multi-value headers, and uses plain headers when there are none', () => {
    const multi = toRequest(event({ multiValueHeaders: { ...fixture.multiValueHeaders, Accept: ['text/plain', 'application/json'] } }));
    expect(multi.headers.get('accept')).toBe('text/plain, application/json');
    expect(multi.headers.get('x-forwarded-for')).toBe('54.240.196.186, 54.182.214.83');

    const single = toRequest(event({ multiValueHeaders: null }));
    expect(single.headers.get('user-agent')).toBe('PostmanRuntime/2.4.5');
  });

  it('uses requestContext.domainName and the source IP when headers lack them', () => {
    const request = toRequest(event({ headers: null, multiValueHeaders: null }));
    expect(request.url).toBe('https://gy415nuibc.execute-api.us-east-2.amazonaws.com/health/ready?exclude=cache');
    expect(request.headers.get('x-forwarded-for')).toBe('192.168.196.186');
  });

  it('passes a body for POST, decoding base64 when flagged', async () => {
    const plain = toRequest(event({ httpMethod: 'POST', body: '{\r\n\t"a": 1\r\n}' }));
    expect(await plain.text()).toBe('{\r\n\t"a": 1\r\n}');

    const bytes = toRequest(event({ httpMethod: 'PUT', body: 'AAEC/w==', isBase64Encoded: true }));
    expect(new Uint8Array(await bytes.arrayBuffer())).toEqual(new Uint8Array([0, 1, 2, 255]));
  });

  it('ignores a body on GET', () => {
    expect(toRequest(event({ body: 'ignored' })).body).toBeNull();
  });
});

describe('Response → API Gateway REST (v1) result', () => {
  it('answers with multiValueHeaders when the event has them', async () => {
    const result = await run(echoHandler, event());
    expect(result.statusCode).toBe(200);
    expect(result.headers).toBeUndefined();
    expect(result.multiValueHeaders?.['content-type']).toEqual(['application/json']);
    expect(result.multiValueHeaders?.['cache-control']).toEqual(['no-store']);
    expect(result.isBase64Encoded).toBe(false);
    const echo = readEcho(result);
    expect(echo.url).toBe('https://gy415nuibc.execute-api.us-east-1.amazonaws.com/health/ready?exclude=cache');
    expect(echo.headers['x-request-id']).toBe('c6af9ac6-7b61-11e6-9a41-93e8deadbeef');
  });

  it('keeps every Set-Cookie in multiValueHeaders', async () => {
    const cookies = ['a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT', 'b=2; HttpOnly'];
    const result = await run(fixedHandler({ body: 'ok', cookies }), event());
    expect(result.multiValueHeaders?.['set-cookie']).toEqual(cookies);
  });

  it('answers with headers when the event has no multiValueHeaders, cookies still apart', async () => {
    const one = await run(fixedHandler({ body: 'ok', cookies: ['a=1'] }), event({ multiValueHeaders: null }));
    expect(one.headers).toMatchObject({ 'content-type': 'text/plain;charset=UTF-8', 'set-cookie': 'a=1' });
    expect(one.multiValueHeaders).toBeUndefined();

    const two = await run(fixedHandler({ body: 'ok', cookies: ['a=1', 'b=2'] }), event({ multiValueHeaders: null }));
    expect(two.headers?.['set-cookie']).toBeUndefined();
    expect(two.multiValueHeaders).toEqual({ 'set-cookie': ['a=1', 'b=2'] });
  });

  it('base64-encodes a binary body', async () => {
    const result = await run(fixedHandler({ body: new Uint8Array([137, 80, 78, 71]), contentType: 'image/png' }), event());
    expect(result).toMatchObject({ body: 'iVBORw==', isBase64Encoded: true });
  });

  it('sends no body for HEAD, with the same status and headers', async () => {
    const get = await run(fixedHandler({ status: 503, body: '{"status":"fail"}', contentType: 'application/json' }), event());
    const head = await run(fixedHandler({ status: 503, body: '{"status":"fail"}', contentType: 'application/json' }), event({ httpMethod: 'HEAD' }));
    expect(head).toEqual({ ...get, body: '' });
    expect(get.body).toBe('{"status":"fail"}');
  });
});
