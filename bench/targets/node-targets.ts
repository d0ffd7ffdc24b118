/**
 * Every Node server the benchmark compares, each serving `/health/live` and
 * `/health/ready` (or the paths its library fixes) over the same dependencies.
 * Each starts on a free port of 127.0.0.1 and returns its base URL and paths.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve as honoServe } from '@hono/node-server';
import { createTerminus } from '@godaddy/terminus';
import { createLightship } from 'lightship';
import { Hono } from 'hono';
import { HealthChecker, ReadinessCheck } from '@cloudnative/health';
import { createHealth, defineCheck, Lifecycle, type Check } from '../../src/core/index.ts';
import { createHealthRouter } from '../../src/router/index.ts';
import { serve } from '../../src/adapters/node/index.ts';
import { httpCheck } from '../../src/checks/http/index.ts';
import { upstashCheck } from '../../src/checks/upstash/index.ts';
import { plainCheck, type Dep } from './deps.ts';

export interface Started {
  /** Base URL, e.g. `http://127.0.0.1:1234`. */
  url: string;
  live: string;
  ready: string;
}

type Target = (deps: Dep[]) => Promise<Started>;

const PATHS = { live: '/health/live', ready: '/health/ready' };

async function listen(handler: RequestListener): Promise<Server> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

const urlOf = (server: Server): string => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

function ourCheck(dep: Dep): Check {
  if (dep.upstash) return upstashCheck({ name: dep.name, ...dep.upstash, timeoutMs: dep.timeoutMs });
  if (dep.url) return httpCheck({ name: dep.name, url: dep.url, timeoutMs: dep.timeoutMs });
  return defineCheck({ name: dep.name, timeoutMs: dep.timeoutMs, run: () => ({ status: 'healthy' }) });
}

function edgeHealth(cacheMs: number): Target {
  return async (deps) => {
    const lifecycle = new Lifecycle();
    const router = createHealthRouter(createHealth({ lifecycle, cacheMs, checks: deps.map(ourCheck) }));
    const served = await serve(router.fetch, { port: 0, lifecycle, signals: [], log: () => {} });
    return { url: served.url, ...PATHS };
  };
}

/** What a user of several checks writes without a library: all of them on every probe, in parallel or one after another. */
const naive = (sequential: boolean): Target => async (deps) => {
  const checks = deps.map((dep) => ({ name: dep.name, run: plainCheck(dep) }));
  const runAll = async (): Promise<PromiseSettledResult<void>[]> => {
    if (!sequential) return Promise.allSettled(checks.map((check) => check.run()));
    const results: PromiseSettledResult<void>[] = [];
    for (const check of checks) results.push((await Promise.allSettled([check.run()]))[0] as PromiseSettledResult<void>);
    return results;
  };
  const server = await listen((request, response) => {
    if (request.url !== PATHS.ready) {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    void runAll().then((results) => {
      const body = Object.fromEntries(results.map((result, i) => [checks[i]?.name, result.status === 'fulfilled' ? 'ok' : 'failed']));
      const ok = results.every((result) => result.status === 'fulfilled');
      response.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: ok ? 'ok' : 'failed', checks: body }));
    });
  });
  return { url: urlOf(server), ...PATHS };
};

export const nodeTargets: Record<string, Target> = {
  'bare node:http': async () => {
    const server = await listen((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
    return { url: urlOf(server), live: '/', ready: '/' };
  },
  'our adapter, new Response("ok")': async () => {
    const served = await serve(async () => new Response('ok'), { port: 0, lifecycle: new Lifecycle(), signals: [], log: () => {} });
    return { url: served.url, live: '/', ready: '/' };
  },
  'edge-health': edgeHealth(0),
  'edge-health, cacheMs 10 s': edgeHealth(10_000),
  'naive handler': naive(false),
  'sequential handler': naive(true),
  'Hono /health route (@hono/node-server)': async (deps) => {
    const checks = deps.map(plainCheck);
    const app = new Hono();
    app.get(PATHS.live, (c) => c.json({ status: 'ok' }));
    app.get(PATHS.ready, async (c) => {
      const results = await Promise.allSettled(checks.map((check) => check()));
      const ok = results.every((result) => result.status === 'fulfilled');
      return c.json({ status: ok ? 'ok' : 'failed' }, ok ? 200 : 503);
    });
    // Why overrideGlobalObjects false: the same global Response for every target in the comparison.
    const server = honoServe({ fetch: app.fetch, port: 0, hostname: '127.0.0.1', overrideGlobalObjects: false }) as Server;
    await new Promise((resolve) => server.once('listening', resolve));
    return { url: urlOf(server), ...PATHS };
  },
  '@godaddy/terminus': async (deps) => {
    const checks = deps.map(plainCheck);
    const server = createServer((_request, response) => response.writeHead(404).end());
    createTerminus(server, {
      healthChecks: {
        [PATHS.live]: async () => ({}),
        [PATHS.ready]: async () => Promise.all(checks.map((check) => check())),
      },
      signals: [],
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { url: urlOf(server), ...PATHS };
  },
  lightship: async () => {
    const lightship = await createLightship({ detectKubernetes: false, port: 0, signals: [] });
    lightship.signalReady();
    const port = (lightship.server.address() as AddressInfo).port;
    return { url: `http://127.0.0.1:${port}`, live: '/live', ready: '/ready' };
  },
  '@cloudnative/health': async (deps) => {
    const checker = new HealthChecker();
    for (const dep of deps) checker.registerReadinessCheck(new ReadinessCheck(dep.name, plainCheck(dep)));
    const server = await listen((request, response) => {
      const status = request.url === PATHS.ready ? checker.getReadinessStatus() : checker.getLivenessStatus();
      void status.then((result) => {
        const code = result.status === 'UP' ? 200 : 503;
        response.writeHead(code, { 'content-type': 'application/json' }).end(JSON.stringify(result));
      });
    });
    return { url: urlOf(server), ...PATHS };
  },
};
