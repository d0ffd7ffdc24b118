import { describe, expect, it } from 'vitest';
import multiFixture from '../../../test/fixtures/lambda/alb-multi-value.json' with { type: 'json' };
import singleFixture from '../../../test/fixtures/lambda/alb-single-value.json' with { type: 'json' };
import { echoHandler, fixedHandler, readEcho } from '../../../test/fixtures/lambda/echo-handler.ts';
import { handle } from './handle.ts';
import { toRequest } from './to-request.ts';

const single = (changes: Record<string, unknown> = {}) => ({ ...structuredClone(singleFixture), ...changes });
const multi = (changes: Record<string, unknown> = {}) => ({ ...structuredClone(multiFixture), ...changes });
const run = async (handler: Parameters<typeof handle>[0], input: unknown) =>
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
    const result = await run(echoHandler, single());
    expect(result).toMatchObject({ statusCode: 200, statusDescription: '200 OK', isBase64Encoded: false });
    expect(result).not.toHaveProperty('multiValueHeaders');
    expect(result['headers']).toMatchObject({ 'content-type': 'application/json', 'x-echo': 'yes' });
    expect(readEcho(result).headers['user-agent']).toBe('curl/7.54.0');
  });

  it('mirrors multi-value headers: multiValueHeaders only', async () => {
    const cookies = ['a=1; Path=/', 'b=2; Expires=Wed, 21 Oct 2026 07:28:00 GMT'];
    const result = await run(fixedHandler({ status: 503, body: '{}', contentType: 'application/json', cookies }), multi());
    expect(result).not.toHaveProperty('headers');
    expect(result).toMatchObject({
      statusCode: 503,
      statusDescription: '503 Service Unavailable',
      multiValueHeaders: { 'content-type': ['application/json'], 'cache-control': ['no-store'], 'set-cookie': cookies },
    });
  });

  it('keeps one Set-Cookie where ALB can carry only one', async () => {
    const result = await run(fixedHandler({ body: 'ok', cookies: ['a=1', 'b=2'] }), single());
    expect(result['headers']).toMatchObject({ 'set-cookie': 'a=1' });
  });

  it('base64-encodes binary bodies and sends none for HEAD', async () => {
    const binary = await run(fixedHandler({ body: new Uint8Array([1, 2, 3]), contentType: 'image/gif' }), single());
    expect(binary).toMatchObject({ body: 'AQID', isBase64Encoded: true });
    const head = await run(fixedHandler({ status: 204 }), single({ httpMethod: 'HEAD' }));
    expect(head).toMatchObject({ statusCode: 204, statusDescription: '204 No Content', body: '', isBase64Encoded: false });
  });
});
