import { describe, expect, it } from 'vitest';
import { isDocumentNavigation } from './is-document-navigation.ts';

describe('isDocumentNavigation', () => {
  it.each<[string, Record<string, string>, boolean]>([
    ['a browser opening the page', { 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Dest': 'document', Accept: 'text/html' }, true],
    ['a monitor with a browser-like Accept', { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8', 'User-Agent': 'Mozilla/5.0' }, false],
    ['a page\'s fetch()', { 'Sec-Fetch-Mode': 'cors', 'Sec-Fetch-Dest': 'empty' }, false],
    ['an iframe', { 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Dest': 'iframe' }, false],
    ['an <img>', { 'Sec-Fetch-Mode': 'no-cors', 'Sec-Fetch-Dest': 'image' }, false],
    ['only one of the two headers', { 'Sec-Fetch-Mode': 'navigate' }, false],
    ['a load balancer', {}, false],
  ])('%s → %s', (_case, headers, expected) => {
    expect(isDocumentNavigation(new Request('https://svc/health', { headers }))).toBe(expected);
  });
});
