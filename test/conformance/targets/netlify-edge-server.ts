/**
 * Serves the Netlify Edge Function `netlify/edge-functions/health.ts` under Deno,
 * with the `Netlify` global the edge runtime provides, on a free port:
 * `deno run … netlify-edge-server.ts`.
 */
declare const Deno: {
  env: { toObject(): Record<string, string> };
  serve(
    options: { port: number; hostname: string; onListen?: (addr: { hostname: string; port: number }) => void },
    handler: (request: Request) => Promise<Response>,
  ): unknown;
};

type EdgeFunction = (request: Request, context: { server: { region: string } }) => Promise<Response>;

(globalThis as { Netlify?: unknown }).Netlify = { env: { toObject: () => Deno.env.toObject() } };
const edge = ((await import('../../../netlify/edge-functions/health.ts')) as { default: EdgeFunction }).default;

Deno.serve(
  {
    port: 0,
    hostname: '127.0.0.1',
    onListen: ({ hostname, port }) => console.log(`edge-health: listening on http://${hostname}:${port}`),
  },
  (request) => edge(request, { server: { region: 'conformance-edge' } }),
);

export {};
