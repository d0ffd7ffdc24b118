/**
 * What Vercel's Edge runtime does with a function module: call its default export
 * for each request. The `edge-runtime` package dispatches requests as fetch events.
 */
import handler from '../../../src/entries/vercel-edge.ts';

interface FetchEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}

(globalThis as unknown as { addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void }).addEventListener('fetch', (event) =>
  event.respondWith(handler(event.request)),
);
