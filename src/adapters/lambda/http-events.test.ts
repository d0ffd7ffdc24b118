import { describe, expect, it } from 'vitest';
import multiFixture from '../../../test/fixtures/lambda/alb-multi-value.json' with { type: 'json' };
import singleFixture from '../../../test/fixtures/lambda/alb-single-value.json' with { type: 'json' };
import fixture from '../../../test/fixtures/lambda/api-gateway-v1.json' with { type: 'json' };
import httpApiFixture from '../../../test/fixtures/lambda/api-gateway-v2.json' with { type: 'json' };
import functionUrlFixture from '../../../test/fixtures/lambda/function-url.json' with { type: 'json' };
import latticeV1Fixture from '../../../test/fixtures/lambda/vpc-lattice-v1.json' with { type: 'json' };
import latticeV2Fixture from '../../../test/fixtures/lambda/vpc-lattice-v2.json' with { type: 'json' };
import { echoHandler, fixedHandler, readEcho } from '../../../test/fixtures/lambda/echo-handler.ts';
import { handle, toRequest } from './handle.ts';
import type { ApiGatewayV1Result, ApiGatewayV2Result } from './types.ts';

const v1Event = (changes: Record<string, unknown> = {}) => ({ ...structuredClone(fixture), ...changes });
const runV1 = async (handler: Parameters<typeof handle>[0], input: unknown) =>
  (await handle(handler)(input, { awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef' })) as ApiGatewayV1Result;

describe('API Gateway REST (v1) → Request', () => {
  it('builds the URL from Host, X-Forwarded-Proto and path, without the stage', () => {
    const request = toRequest(v1Event());
    expect(request.method).toBe('GET');
    expect(request.url).toBe('https://gy415nuibc.execute-api.us-east-1.amazonaws.com/health/ready?exclude=cache');
  });

  it('re-encodes the decoded query, repeats included', () => {
    const url = new URL(toRequest(v1Event({ multiValueQueryStringParameters: { q: ['a b&c=d', 'ü/?'], exclude: ['cache'] } })).url);
    expect(url.searchParams.getAll('q')).toEqual(['a b&c=d', 'ü/?']);
    expect(url.searchParams.get('exclude')).toBe('cache');
  });

  it('falls back to queryStringParameters when there are no multi-value ones', () => {
    const request = toRequest(v1Event({ multiValueQueryStringParameters: null, queryStringParameters: { verbose: '' } }));
    expect(new URL(request.url).search).toBe('?verbose=');
  });

  it('keeps multi-value headers, and uses plain headers when there are none', () => {
    const multi = toRequest(v1Event({ multiValueHeaders: { ...fixture.multiValueHeaders, Accept: ['text/plain', 'application/json'] } }));
    expect(multi.headers.get('accept')).toBe('text/plain, application/json');
    expect(multi.headers.get('x-forwarded-for')).toBe('54.240.196.186, 54.182.214.83');

    const single = toRequest(v1Event({ multiValueHeaders: null }));
    expect(single.headers.get('user-agent')).toBe('PostmanRuntime/2.4.5');
  });

  it('uses requestContext.domainName and the source IP when headers lack them', () => {
    const request = toRequest(v1Event({ headers: null, multiValueHeaders: null }));
    expect(request.url).toBe('https://gy415nuibc.execute-api.us-east-2.amazonaws.com/health/ready?exclude=cache');
    expect(request.headers.get('x-forwarded-for')).toBe('192.168.196.186');
  });

  it('passes a body for POST, decoding base64 when flagged', async () => {
    const plain = toRequest(v1Event({ httpMethod: 'POST', body: '{\r\n\t"a": 1\r\n}' }));
    expect(await plain.text()).toBe('{\r\n\t"a": 1\r\n}');

    const bytes = toRequest(v1Event({ httpMethod: 'PUT', body: 'AAEC/w==', isBase64Encoded: true }));
    expect(new Uint8Array(await bytes.arrayBuffer())).toEqual(new Uint8Array([0, 1, 2, 255]));
  });

  it('ignores a body on GET', () => {
    expect(toRequest(v1Event({ body: 'ignored' })).body).toBeNull();
  });
});

describe('Response → API Gateway REST (v1) result', () => {
  it('answers with multiValueHeaders when the event has them', async () => {
    const result = await runV1(echoHandler, v1Event());
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
    const result = await runV1(fixedHandler({ body: 'ok', cookies }), v1Event());
    expect(result.multiValueHeaders?.['set-cookie']).toEqual(cookies);
  });

  it('answers with headers when the event has no multiValueHeaders, cookies still apart', async () => {
    const one = await runV1(fixedHandler({ body: 'ok', cookies: ['a=1'] }), v1Event({ multiValueHeaders: null }));
    expect(one.headers).toMatchObject({ 'content-type': 'text/plain;charset=UTF-8', 'set-cookie': 'a=1' });
    expect(one.multiValueHeaders).toBeUndefined();

    const two = await runV1(fixedHandler({ body: 'ok', cookies: ['a=1', 'b=2'] }), v1Event({ multiValueHeaders: null }));
    expect(two.headers?.['set-cookie']).toBeUndefined();
    expect(two.multiValueHeaders).toEqual({ 'set-cookie': ['a=1', 'b=2'] });
  });

  it('base64-encodes a binary body', async () => {
    const result = await runV1(fixedHandler({ body: new Uint8Array([137, 80, 78, 71]), contentType: 'image/png' }), v1Event());
    expect(result).toMatchObject({ body: 'iVBORw==', isBase64Encoded: true });
  });

  it('sends no body for HEAD, with the same status and headers', async () => {
    const get = await runV1(fixedHandler({ status: 503, body: '{"status":"fail"}', contentType: 'application/json' }), v1Event());
    const head = await runV1(fixedHandler({ status: 503, body: '{"status":"fail"}', contentType: 'application/json' }), v1Event({ httpMethod: 'HEAD' }));
    expect(head).toEqual({ ...get, body: '' });
    expect(get.body).toBe('{"status":"fail"}');
  });
});

const httpApi = (changes: Record<string, unknown> = {}) => ({ ...structuredClone(httpApiFixture), ...changes });
const functionUrl = (changes: Record<string, unknown> = {}) => ({ ...structuredClone(functionUrlFixture), ...changes });
const withMethod = (event: ReturnType<typeof httpApi>, method: string) => {
  event.requestContext.http.method = method;
  return event;
};
const runV2 = async (handler: Parameters<typeof handle>[0], input: unknown) => (await handle(handler)(input)) as ApiGatewayV2Result;

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
    const result = await runV2(fixedHandler({ body: 'ok', cookies }), functionUrl());
    expect(result.statusCode).toBe(200);
    expect(result.cookies).toEqual(cookies);
    expect(result.headers['set-cookie']).toBeUndefined();
    expect(result.headers['cache-control']).toBe('no-store');
    expect(result).not.toHaveProperty('multiValueHeaders');
  });

  it('has no cookies field when there are none, and echoes the request', async () => {
    const result = await runV2(echoHandler, httpApi());
    expect(result).not.toHaveProperty('cookies');
    expect(result.headers['content-type']).toBe('application/json');
    expect(readEcho(result).url).toBe('https://aaaaaaaaaa.execute-api.us-west-2.amazonaws.com/health/ready?exclude=cache');
  });

  it('returns text types as text and others in base64', async () => {
    const health = await runV2(fixedHandler({ body: '{"status":"pass"}', contentType: 'application/health+json' }), httpApi());
    expect(health).toMatchObject({ body: '{"status":"pass"}', isBase64Encoded: false });
    const binary = await runV2(fixedHandler({ body: new Uint8Array([0, 255]), contentType: 'application/octet-stream' }), httpApi());
    expect(binary).toMatchObject({ body: 'AP8=', isBase64Encoded: true });
  });

  it('sends no body for HEAD', async () => {
    const result = await runV2(fixedHandler({ status: 503, body: 'down', cookies: ['a=1'] }), withMethod(httpApi(), 'HEAD'));
    expect(result).toEqual({
      statusCode: 503,
      headers: { 'cache-control': 'no-store', 'content-type': 'text/plain;charset=UTF-8' },
      cookies: ['a=1'],
      body: '',
      isBase64Encoded: false,
    });
  });
});

const single = (changes: Record<string, unknown> = {}) => ({ ...structuredClone(singleFixture), ...changes });
const multi = (changes: Record<string, unknown> = {}) => ({ ...structuredClone(multiFixture), ...changes });
const runAlb = async (handler: Parameters<typeof handle>[0], input: unknown) =>
  (await handle(handler)(input)) as Record<string, unknown> & { body: string };

describe('ALB → Request', () => {
  it('builds the URL from Host and x-forwarded-proto: http', () => {
    const request = toRequest(single());
    expect(request.method).toBe('GET');
    expect(request.url).toBe('http://lambda-test-alb-1334523864.us-east-1.elb.amazonaws.com/health/ready?exclude=db%2Ccache&note=a%20b+c');
    expect(request.headers.get('x-myheader')).toBe('123');
  });

  it('does not encode the still-encoded query a second time', () => {
    const params = new URL(toRequest(single()).url).searchParams;
    expect(params.get('exclude')).toBe('db,cache');
    expect(params.get('note')).toBe('a b c');
  });

  it('reads multi-value headers and query parameters', () => {
    const event = multi();
    event.multiValueHeaders.accept = ['text/plain', 'application/health+json'];
    const request = toRequest(event);
    expect(request.headers.get('accept')).toBe('text/plain, application/health+json');
    expect(new URL(request.url).searchParams.getAll('exclude')).toEqual(['db', 'cache/redis']);
    expect(request.headers.get('x-forwarded-for')).toBe('72.21.198.67');
  });

  it('reads an ALB health check, which has no Host header', () => {
    const probe = single({ path: '/health/live', queryStringParameters: {}, headers: { 'user-agent': 'ELB-HealthChecker/2.0' } });
    const request = toRequest(probe);
    expect(request.url).toBe('https://lambda.invalid/health/live');
    expect(request.headers.get('user-agent')).toBe('ELB-HealthChecker/2.0');
  });

  it('passes a POST body', async () => {
    expect(await toRequest(single({ httpMethod: 'POST', body: 'aGk=', isBase64Encoded: true })).text()).toBe('hi');
  });
});

describe('Response → ALB result', () => {
  it('answers a single-value target group with headers and statusDescription', async () => {
    const result = await runAlb(echoHandler, single());
    expect(result).toMatchObject({ statusCode: 200, statusDescription: '200 OK', isBase64Encoded: false });
    expect(result).not.toHaveProperty('multiValueHeaders');
    expect(result['headers']).toMatchObject({ 'content-type': 'application/json', 'x-echo': 'yes' });
    expect(readEcho(result).headers['user-agent']).toBe('curl/7.54.0');
  });

  it('mirrors multi-value headers: multiValueHeaders only', async () => {
    const cookies = ['a=1; Path=/', 'b=2; Expires=Wed, 21 Oct 2026 07:28:00 GMT'];
    const result = await runAlb(fixedHandler({ status: 503, body: '{}', contentType: 'application/json', cookies }), multi());
    expect(result).not.toHaveProperty('headers');
    expect(result).toMatchObject({
      statusCode: 503,
      statusDescription: '503 Service Unavailable',
      multiValueHeaders: { 'content-type': ['application/json'], 'cache-control': ['no-store'], 'set-cookie': cookies },
    });
  });

  it('keeps one Set-Cookie where ALB can carry only one', async () => {
    const result = await runAlb(fixedHandler({ body: 'ok', cookies: ['a=1', 'b=2'] }), single());
    expect(result['headers']).toMatchObject({ 'set-cookie': 'a=1' });
  });

  it('base64-encodes binary bodies and sends none for HEAD', async () => {
    const binary = await runAlb(fixedHandler({ body: new Uint8Array([1, 2, 3]), contentType: 'image/gif' }), single());
    expect(binary).toMatchObject({ body: 'AQID', isBase64Encoded: true });
    const head = await runAlb(fixedHandler({ status: 204 }), single({ httpMethod: 'HEAD' }));
    expect(head).toMatchObject({ statusCode: 204, statusDescription: '204 No Content', body: '', isBase64Encoded: false });
  });
});

const latticeV1 = (changes: Record<string, unknown> = {}) => ({ ...structuredClone(latticeV1Fixture), ...changes });
const latticeV2 = (changes: Record<string, unknown> = {}) => ({ ...structuredClone(latticeV2Fixture), ...changes });

describe('VPC Lattice → Request', () => {
  it('reads a V1 event: snake_case fields, the query in raw_path', async () => {
    const request = toRequest(latticeV1({ raw_path: '/health/ready?exclude=db%2Ccache', method: 'POST' }));
    expect(request.url).toBe('https://test-lambda-service-3908sdf9u3u.dkfjd93.vpc-lattice-svcs.us-east-2.on.aws/health/ready?exclude=db%2Ccache');
    expect(request.headers.get('x-forwarded-for')).toBe('10.213.229.10');
    expect(await request.text()).toBe('{"message": "Hello from Lambda!"}');
  });

  it('falls back to query_string_parameters when raw_path has no query, and decodes a flagged body', async () => {
    const request = toRequest(latticeV1({ method: 'PUT', body: 'aGk=', is_base64_encoded: true }));
    expect(new URL(request.url).search).toBe('?order-id=1');
    expect(await request.text()).toBe('hi');
  });

  it('reads a V2 event as AWS publishes it: plain string headers, query parameters apart', () => {
    const request = toRequest(latticeV2());
    expect(request.method).toBe('GET');
    expect(request.url).toBe('https://test-lambda-service-3908sdf9u3u.dkfjd93.vpc-lattice-svcs.us-east-2.on.aws/newpath?order-id=1');
    expect(request.headers.get('accept')).toBe('*/*');
  });

  it('reads a V2 event as the User Guide shows it: lists of values, the query in path', () => {
    const request = toRequest(
      latticeV2({
        path: '/health/ready?exclude=db&exclude=cache',
        headers: { host: ['svc.example.internal'], accept: ['text/plain', 'application/json'] },
        queryStringParameters: { exclude: ['db', 'cache'] },
      }),
    );
    expect(request.url).toBe('https://svc.example.internal/health/ready?exclude=db&exclude=cache');
    expect(request.headers.get('accept')).toBe('text/plain, application/json');
  });
});

describe('Response → VPC Lattice result', () => {
  it.each([
    ['V1', latticeV1()],
    ['V2', latticeV2()],
  ])('answers %s like a single-value ALB: statusDescription, one map of headers', async (_version, event) => {
    const result = await handle(fixedHandler({ status: 503, body: '{"status":"fail"}', contentType: 'application/json', cookies: ['a=1', 'b=2'] }))(event);
    expect(result).toEqual({
      statusCode: 503,
      statusDescription: '503 Service Unavailable',
      headers: { 'cache-control': 'no-store', 'content-type': 'application/json', 'set-cookie': 'a=1' },
      body: '{"status":"fail"}',
      isBase64Encoded: false,
    });
  });

  it('sends no body for HEAD', async () => {
    const result = await handle(echoHandler)(latticeV2({ method: 'HEAD' }));
    expect(result).toMatchObject({ statusCode: 200, statusDescription: '200 OK', body: '' });
  });
});
