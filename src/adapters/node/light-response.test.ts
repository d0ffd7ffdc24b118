import { describe, expect, it } from 'vitest';
import { LightResponse } from './light-response.ts';

const TEXT = '{"status":"healthy"}';
const FIELDS = { 'Cache-Control': 'no-store', 'Content-Type': 'application/json; charset=utf-8' };

const light = (status = 200): Response => new LightResponse(TEXT, status, FIELDS) as unknown as Response;
const genuine = (status = 200): Response => new Response(TEXT, { status, headers: FIELDS });

describe('LightResponse: reads as the Response it stands for', () => {
  it.each([200, 404, 503])('status %i: the same status, ok, statusText, type, headers and body as new Response()', async (status) => {
    const [ours, theirs] = [light(status), genuine(status)];
    expect(ours).toBeInstanceOf(Response);
    expect([ours.status, ours.ok, ours.statusText, ours.type, ours.redirected]).toEqual([theirs.status, theirs.ok, theirs.statusText, theirs.type, theirs.redirected]);
    expect([...ours.headers]).toEqual([...theirs.headers]);
    expect(await ours.text()).toBe(await theirs.text());
  });

  it('keeps headers set before the body is read (render adds Age and Server-Timing that way)', async () => {
    const response = light();
    response.headers.set('Age', '3');
    const copy = response.clone();
    expect(copy.headers.get('age')).toBe('3');
    expect(await copy.json()).toEqual({ status: 'healthy' });
    expect(response.headers.get('age')).toBe('3');
  });

  it('is used up once its body is read, like any Response', async () => {
    const response = light();
    expect(response.bodyUsed).toBe(false);
    await response.arrayBuffer();
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
  });

  it('can be the init and the body of a new Response', async () => {
    const response = light(503);
    const copy = new Response(response.body, response);
    expect(copy.status).toBe(503);
    expect(copy.headers.get('content-type')).toBe(FIELDS['Content-Type']);
    expect(await copy.text()).toBe(TEXT);
  });
});

describe('LightResponse.partsOf: what an adapter writes', () => {
  it('gives the fields in lower case and the text of an untouched light response', () => {
    expect(LightResponse.partsOf(light())).toEqual({ fields: { 'cache-control': 'no-store', 'content-type': FIELDS['Content-Type'] }, text: TEXT });
  });

  it('gives no fields once code has asked for the headers (they may have changed), and no text once the body is read', async () => {
    const response = light();
    response.headers.set('Age', '1');
    expect(LightResponse.partsOf(response)).toEqual({ fields: undefined, text: TEXT });
    await response.text();
    expect(LightResponse.partsOf(response)?.text).toBeUndefined();
  });

  it.each([
    ['a genuine Response', genuine()],
    ['a plain object', { status: 200 }],
  ])('knows %s is not light', (_name, value) => {
    expect(LightResponse.partsOf(value)).toBeUndefined();
  });
});
