import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import multiAlbFixture from '../../../test/fixtures/lambda/alb-multi-value.json' with { type: 'json' };
import v1Fixture from '../../../test/fixtures/lambda/api-gateway-v1.json' with { type: 'json' };
import v2Fixture from '../../../test/fixtures/lambda/api-gateway-v2.json' with { type: 'json' };
import configFixture from '../../../test/fixtures/lambda/config.json' with { type: 'json' };
import scheduledFixture from '../../../test/fixtures/lambda/eventbridge-scheduled.json' with { type: 'json' };
import functionUrlConsoleFixture from '../../../test/fixtures/lambda/function-url-console.json' with { type: 'json' };
import s3Fixture from '../../../test/fixtures/lambda/s3-put.json' with { type: 'json' };
import sqsFixture from '../../../test/fixtures/lambda/sqs.json' with { type: 'json' };
import { echoHandler, readEcho } from '../../../test/fixtures/lambda/echo-handler.ts';
import { createHealth, type Handler } from '../../core/index.ts';
import { handle, type InvokeInfo } from './handle.ts';

const v1 = (changes: Record<string, unknown> = {}) => ({ ...structuredClone(v1Fixture), ...changes });
const v2 = (changes: Record<string, unknown> = {}) => ({ ...structuredClone(v2Fixture), ...changes });
const v2WithoutMethod = () => {
  const event = v2();
  delete (event.requestContext.http as { method?: string }).method;
  return event;
};
const v2WithMethod = (method: string) => {
  const event = v2();
  event.requestContext.http.method = method;
  return event;
};
const errorOf = (result: { body: string }) => (JSON.parse(result.body) as { status: string; error: string });

describe('events that are no HTTP request', () => {
  const other: Array<[string, unknown, string]> = [
    ['an SQS event', sqsFixture, 'edge-health received an SQS event; it serves HTTP events only (API Gateway REST and HTTP APIs, Function URLs, ALB, VPC Lattice). Check the function\'s triggers.'],
    ['an S3 event', s3Fixture, 'edge-health received an S3 event;'],
    ['a scheduled event', scheduledFixture, 'edge-health received an EventBridge scheduled event;'],
    ['an AWS Config event', configFixture, 'edge-health received an AWS Config rule event;'],
    ['null', null, 'edge-health received an unrecognised event (null);'],
    ['an empty object', {}, 'edge-health received an unrecognised event (an object with no fields);'],
  ];

  it.each(other)('fail the invocation for %s, naming its kind', async (_name, event, message) => {
    const onError = vi.fn();
    const failed = handle(echoHandler, { onError })(event);
    await expect(failed).rejects.toThrow(message);
    await expect(failed).rejects.toMatchObject({ name: 'LambdaEventError', code: 'not_http' });
    expect(onError).not.toHaveBeenCalled();
  });

  it('name no value of the event in the error', async () => {
    const event = { ...structuredClone(sqsFixture), token: 'hunter2-s3cr3t' };
    await expect(handle(echoHandler)(event)).rejects.toSatisfy((error: Error) => !error.message.includes('hunter2'));
  });
});

describe('malformed HTTP events', () => {
  const malformed: Array<[string, unknown, string]> = [
    ['a v2 event without requestContext.http.method', v2WithoutMethod(), 'Malformed HTTP API / Function URL (v2) event. "requestContext.http.method" is missing.'],
    ['a v2 event without requestContext', v2({ requestContext: undefined }), '"requestContext.http.method" is missing.'],
    ['a v1 event with a numeric method', v1({ httpMethod: 7 }), '"httpMethod" should be a non-empty string but is a number.'],
    ['a v1 event without path', v1({ path: undefined }), '"path" is missing.'],
    ['a relative path', v1({ path: 'health' }), 'The request path should start with "/" but is "health".'],
    ['a body that claims base64 but is not', v1({ httpMethod: 'POST', body: 'not base64!', isBase64Encoded: true }), '"body" is flagged isBase64Encoded but is not valid base64.'],
    ['a body that is not a string', v1({ httpMethod: 'POST', body: { a: 1 } }), '"body" should be a string but is an object.'],
    ['headers that are not an object', v1({ multiValueHeaders: null, headers: 'Host: x' }), '"headers" should be an object of strings but is a string.'],
    ['multi-value headers that are not lists', v1({ multiValueHeaders: { Accept: '*/*' } }), '"multiValueHeaders" entry "Accept" should be an array of strings but is a string.'],
    ['cookies that are not a list', v2({ cookies: 'a=1' }), '"cookies" should be an array of strings but is a string.'],
  ];

  it.each(malformed)('answers %s with a readable 400', async (_name, event, message) => {
    const result = await handle(echoHandler)(event);
    expect(result.statusCode).toBe(400);
    expect(errorOf(result).error).toContain(message);
    expect(result.isBase64Encoded).toBe(false);
  });

  const unservable: Array<[string, unknown, string]> = [
    ['TRACE', v1({ httpMethod: 'TRACE' }), 'Method TRACE is not allowed here; use GET or HEAD.'],
    ['CONNECT', v2WithMethod('CONNECT'), 'Method CONNECT is not allowed here; use GET or HEAD.'],
    ['TRACK, in lower case', v1({ httpMethod: 'track' }), 'Method TRACK is not allowed here; use GET or HEAD.'],
    ['a method that is no token', v1({ httpMethod: 'GET /' }), '"GET /" is not a valid HTTP method; use GET or HEAD.'],
    ['a method with a control character', v2WithMethod('GE\nT'), 'is not a valid HTTP method; use GET or HEAD.'],
  ];

  it.each(unservable)('answers %s with 405 and Allow: GET, HEAD', async (_name, event, message) => {
    const result = await handle(echoHandler)(event);
    expect(result.statusCode).toBe(405);
    expect(errorOf(result).error).toContain(message);
    const allow = 'multiValueHeaders' in result && result.multiValueHeaders ? result.multiValueHeaders['allow'] : 'headers' in result ? result.headers?.['allow'] : undefined;
    expect([allow].flat()).toEqual(['GET, HEAD']);
  });

  it('does not echo a header value it rejects', async () => {
    const result = await handle(echoHandler)(v2({ headers: { authorization: 'Bearer s3cr3t-token\r\nx-injected: 1' } }));
    expect(errorOf(result).error).toBe('Malformed HTTP API / Function URL (v2) event. The header "authorization" has an invalid name or value.');
    expect(result.body).not.toContain('s3cr3t');
  });

  it('answers a malformed ALB event in the shape its target group expects', async () => {
    const result = await handle(echoHandler)({ ...structuredClone(multiAlbFixture), httpMethod: undefined });
    expect(result).toMatchObject({
      statusCode: 400,
      statusDescription: '400 Bad Request',
      multiValueHeaders: { 'cache-control': ['no-store'] },
    });
    expect(errorOf(result).error).toBe('Malformed ALB event. "httpMethod" is missing.');
  });
});

describe('hosts that are no URL host, as in AWS console test events', () => {
  it.each([
    ['a Function URL test event with <url-id> placeholders', functionUrlConsoleFixture, 'https://lambda.invalid/my/path?parameter1=value1&parameter1=value2&parameter2=value'],
    ['a REST test event with Host "....execute-api…"', v1({ multiValueHeaders: null, headers: { Host: '....execute-api.us-east-1.amazonaws.com' } }), 'https://gy415nuibc.execute-api.us-east-2.amazonaws.com/health/ready?exclude=cache'],
    ['an HTTP API event with Host "*.execute-api…" and no usable domainName', v2({ headers: { host: '*.execute-api.eu-central-1.amazonaws.com' }, requestContext: { ...v2().requestContext, domainName: '*.execute-api.eu-central-1.amazonaws.com' } }), 'https://lambda.invalid/health/ready?exclude=cache'],
    ['a Host with a path in it', v2({ headers: { host: 'evil.example/x?y' } }), 'https://aaaaaaaaaa.execute-api.us-west-2.amazonaws.com/health/ready?exclude=cache'],
    ['a Host with a port out of range', v2({ headers: { host: 'example.com:99999' } }), 'https://aaaaaaaaaa.execute-api.us-west-2.amazonaws.com/health/ready?exclude=cache'],
  ])('serves %s on a fallback host', async (_name, event, url) => {
    const result = await handle(echoHandler)(event);
    expect(result.statusCode).toBe(200);
    expect(readEcho(result).url).toBe(url);
  });
});

describe('a throwing fetch handler', () => {
  const secret = 'hunter2-pa55';
  const failing: Handler = async () => {
    throw new Error(`connect failed: postgres://admin:${secret}@db.internal/app password=${secret}`);
  };
  const logged: string[] = [];
  const original = console.error;
  beforeEach(() => {
    logged.length = 0;
    console.error = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
  });
  afterEach(() => {
    console.error = original;
  });

  it('answers 500 with a generic message and logs no secret', async () => {
    const result = await handle(failing)(v1(), { awsRequestId: 'req-1' });
    expect(result.statusCode).toBe(500);
    expect(errorOf(result)).toEqual({ status: 'error', error: 'The health handler failed unexpectedly; see the function logs for request req-1.' });
    expect(result.body).not.toContain(secret);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('caught Error (request req-1)');
    expect(logged.join('\n')).not.toContain(secret);
  });

  it('hands the raw error to onError instead, and survives a throwing onError', async () => {
    const seen: unknown[] = [];
    const result = await handle(failing, { onError: (error) => void seen.push(error) })(v2());
    expect(result.statusCode).toBe(500);
    expect(String(seen[0])).toContain(secret);

    const rethrowing = await handle(failing, { onError: (error) => { throw error; } })(v2());
    expect(rethrowing.statusCode).toBe(500);
  });
});

describe('lifecycle hooks', () => {
  it('reports a cold start only on the first invocation of the module instance', async () => {
    vi.resetModules();
    const fresh = await import('./handle.ts');
    const calls: InvokeInfo[] = [];
    const first = fresh.handle(echoHandler, { onInvoke: (info) => void calls.push(info) });
    const second = fresh.handle(echoHandler, { onInvoke: (info) => void calls.push(info) });
    await first(v1(), { awsRequestId: 'a-1' });
    await expect(first(null)).rejects.toThrow('an unrecognised event (null)');
    await second(v2(), { awsRequestId: 'a-3' });
    expect(calls).toEqual([{ coldStart: true, requestId: 'a-1' }, { coldStart: false }, { coldStart: false, requestId: 'a-3' }]);
  });

  it('carries awsRequestId in x-request-id, or the configured header', async () => {
    const byDefault = await handle(echoHandler)(v2(), { awsRequestId: '8f5e3c1a-0000-4000-8000-000000000001' });
    expect(readEcho(byDefault).headers['x-request-id']).toBe('8f5e3c1a-0000-4000-8000-000000000001');

    const custom = await handle(echoHandler, { requestIdHeader: 'x-amzn-requestid' })(v2(), { awsRequestId: 'abc' });
    expect(readEcho(custom).headers).toMatchObject({ 'x-amzn-requestid': 'abc' });
    expect(readEcho(custom).headers).not.toHaveProperty('x-request-id');

    const none = await handle(echoHandler)(v2());
    expect(readEcho(none).headers).not.toHaveProperty('x-request-id');
  });

  it('rejects an invalid requestIdHeader when the handler is built', () => {
    expect(() => handle(echoHandler, { requestIdHeader: 'x request id' })).toThrow(/requestIdHeader "x request id" is not a valid HTTP header name/);
  });

  it('ignores a throwing onInvoke', async () => {
    const result = await handle(echoHandler, {
      onInvoke: () => {
        throw new Error('hook broke');
      },
      onError: () => {},
    })(v1());
    expect(result.statusCode).toBe(200);
  });
});

describe('the invocation deadline', () => {
  it("aborts the request's signal shortly before Lambda would end the invocation", async () => {
    let seen: AbortSignal | undefined;
    const slow: Handler = async (request) => {
      seen = request.signal;
      await new Promise((resolve) => request.signal.addEventListener('abort', resolve));
      return new Response('gave way', { status: 503 });
    };
    const started = performance.now();
    const result = await handle(slow)(v2(), { awsRequestId: 'd-1', getRemainingTimeInMillis: () => 250 });
    const elapsed = performance.now() - started;
    expect(result.statusCode).toBe(503);
    expect(seen?.aborted).toBe(true);
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(elapsed).toBeLessThan(1000);
  });

  it('serves without a deadline when the context cannot tell its remaining time', async () => {
    const broken = { getRemainingTimeInMillis: () => { throw new Error('no clock'); } };
    expect(await handle(async () => new Response('ok'))(v2(), broken)).toMatchObject({ statusCode: 200, body: 'ok' });
  });

  it('leaves the request alone without a context deadline', async () => {
    let aborted: boolean | undefined;
    await handle(async (request) => ((aborted = request.signal.aborted), new Response('ok')))(v2(), {});
    expect(aborted).toBe(false);
  });
});

describe('with the real core', () => {
  it('serves liveness to a Function URL, and HEAD without a body', async () => {
    const health = createHealth({ version: '1.2.3', exposeIsolate: false });
    const get = await handle(health.live)(v2(), { awsRequestId: 'r-1' });
    expect(get).toMatchObject({ statusCode: 200, isBase64Encoded: false, headers: { 'cache-control': 'no-store' } });
    expect(JSON.parse(get.body)).toMatchObject({ status: 'healthy', version: '1.2.3' });

    const headEvent = v2();
    headEvent.requestContext.http.method = 'HEAD';
    const head = await handle(health.live)(headEvent);
    expect(head).toMatchObject({ statusCode: 200, body: '' });
  });
});
