// What the binding tests use of the Workers runtime modules (test/workers/env.d.ts declares the rest).
declare module 'cloudflare:workers' {
  export abstract class DurableObject {
    protected ctx: unknown;
    protected env: unknown;
    constructor(ctx: unknown, env: unknown);
    fetch?(request: Request): Response | Promise<Response>;
  }
}
