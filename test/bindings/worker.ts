// The test Worker: the deployable edge-health Worker plus a Durable Object to check.
import { DurableObject } from 'cloudflare:workers';

export { default } from '../../src/worker.ts';

// A minute of waiting on a timer: workerd cancels a promise that waits on nothing as hung.
const never = (): Promise<never> => new Promise<never>((resolve) => setTimeout(resolve, 60_000));

/** A Durable Object whose answers the tests choose by path or method. */
export class Pinger extends DurableObject {
  override async fetch(request: Request): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname === '/health') return new Response('ok');
    if (pathname === '/never') return never();
    const status = /^\/status\/(\d{3})$/.exec(pathname)?.[1];
    return new Response(null, { status: status ? Number(status) : 404 });
  }

  ping(): string {
    return 'pong';
  }

  fail(): never {
    throw new Error('the object is broken');
  }

  hang(): Promise<never> {
    return never();
  }
}
