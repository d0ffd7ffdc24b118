import { describe, expect, it } from 'vitest';
import { createHealth } from './create-health.ts';
import { Lifecycle } from './lifecycle.ts';
import { bodyTextOf, isLazyRequest, LIGHT_RESPONSE, lightAnswers, REAL_REQUEST, searchParamsOf, textResponse } from './shortcuts.ts';

/** The responses the adapter of {@link lazyRequest} made, with the parts the core gave it. */
const made = new WeakMap<Response, [string, number, Readonly<Record<string, string>>]>();

/** What an adapter's lazy request looks like to the core: the fields it reads, the way to the real one, and its own answers. */
function lazyRequest(url: string): Request {
  return {
    method: 'GET',
    url,
    headers: new Headers(),
    [REAL_REQUEST]: () => new Request(url),
    [LIGHT_RESPONSE]: (text: string, status: number, fields: Readonly<Record<string, string>>) => {
      const response = new Response(text, { status, headers: fields });
      made.set(response, [text, status, fields]);
      return response;
    },
  } as unknown as Request;
}

const isLight = (response: Response): boolean => made.has(response);
const INIT = { status: 200, headers: { 'Content-Type': 'text/plain' } };

describe('lightAnswers: the adapter makes the answers only for its own lazy requests', () => {
  it.each([
    ['a lazy request, inside the scope', () => lightAnswers(lazyRequest('http://h/health/live'), () => textResponse('ok', INIT)), true],
    ['a real Request, inside the scope', () => lightAnswers(new Request('http://h/health/live'), () => textResponse('ok', INIT)), false],
    ['no scope at all', () => textResponse('ok', INIT), false],
  ])('%s → made by the adapter: %s', (_name, make, light) => {
    const response = make();
    expect(isLight(response)).toBe(light);
    if (light) expect(made.get(response)).toEqual(['ok', 200, INIT.headers]);
    else expect(bodyTextOf(response)).toBe('ok');
  });

  it('ends the scope when the build throws', () => {
    expect(() => lightAnswers(lazyRequest('http://h/'), () => { throw new Error('render failed'); })).toThrow('render failed');
    expect(isLight(textResponse('ok', INIT))).toBe(false);
  });

  it('gives user code calling the handlers itself a genuine Response, and the adapter its own', async () => {
    const health = createHealth({ lifecycle: new Lifecycle(), version: 'v1' });
    const direct = await health.live(new Request('http://svc/health/live'));
    expect(isLight(direct)).toBe(false);
    expect(Object.getPrototypeOf(direct)).toBe(Response.prototype);
    const adapted = await health.live(lazyRequest('http://svc/health/live'));
    expect(isLight(adapted)).toBe(true);
    const withoutIsolate = ({ isolate: _isolate, ...body }: Record<string, unknown>): Record<string, unknown> => body;
    expect(withoutIsolate(await adapted.json())).toEqual(withoutIsolate(await direct.json()));
  });
});

describe('searchParamsOf: the query, parsed only when there is one', () => {
  it.each([
    'http://h/health/ready',
    'http://h/health/ready?verbose',
    'http://h/health/ready?exclude=a,b&timeout=2s',
    'http://h/health/ready#frag?not-a-query',
    'http://h/health/ready?',
  ])('%s: the same entries as new URL(url).searchParams, for a lazy and a real request', (url) => {
    const expected = [...new URL(url).searchParams];
    expect([...searchParamsOf(lazyRequest(url)).entries()]).toEqual(expected);
    expect([...searchParamsOf(new Request(url)).entries()]).toEqual(expected);
  });

  it('knows a lazy request from a real one', () => {
    expect([isLazyRequest(lazyRequest('http://h/')), isLazyRequest(new Request('http://h/'))]).toEqual([true, false]);
  });
});
