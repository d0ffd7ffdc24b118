// Calls one target Worker's `fetch` `n` times in a row inside workerd, so that the serving process's CPU time per call can be read.
import bare from './bare.ts';
import edgeHealth from './edge-health.ts';
import hono from './hono.ts';

interface Target {
  fetch(request: Request, env: Record<string, string>, ctx: unknown): Response | Promise<Response>;
}

const TARGETS: Record<string, Target> = { bare, 'edge-health': edgeHealth, hono: hono as unknown as Target };
// What autocannon sends.
const HEADERS = { host: '127.0.0.1:8787', connection: 'keep-alive' };

export default {
  async fetch(request: Request, env: Record<string, string>, ctx: unknown): Promise<Response> {
    const params = new URL(request.url).searchParams;
    const target = TARGETS[params.get('target') ?? ''];
    if (!target) return new Response(`No target named "${params.get('target')}"; try ${Object.keys(TARGETS).join(', ')}.`, { status: 400 });
    const url = `http://127.0.0.1:8787${params.get('path') ?? '/'}`;
    const calls = Number(params.get('n') ?? 1000);
    let bytes = 0;
    for (let i = 0; i < calls; i++) {
      const response = await target.fetch(new Request(url, { headers: HEADERS }), env, ctx);
      bytes += (await response.arrayBuffer()).byteLength;
    }
    return new Response(`${bytes / calls} bytes a body`);
  },
};
