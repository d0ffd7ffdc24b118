import { expect, it } from 'vitest';
import { isTextContentType } from './encoding.ts';

it.each([
  'text/plain; charset=utf-8',
  'text/html',
  'application/json',
  'application/health+json; charset=utf-8',
  'application/problem+json',
  'application/xml',
  'image/svg+xml',
  'application/javascript',
  'text/javascript',
])('treats %s as text', (type) => expect(isTextContentType(type)).toBe(true));

it.each([
  'application/octet-stream',
  'image/png',
  'application/gzip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/jsonl-but-not-really',
])('treats %s as binary', (type) => expect(isTextContentType(type)).toBe(false));
