import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Env, Instance, Target } from './targets/target.ts';
import { rawHttp } from '../support/raw-http.ts';
import type { SeedBody as Body } from '../support/seed-body.ts';
import { ROTATION_TOKEN } from '../../src/core/index.ts';

const fixtures = inject('fixtures');
const stack = inject('stack');
const silent = fixtures.silent;

export const VERSION = 'conformance-1.0.0';
/** Callers with it see each dependency's message and details; cases send it unless they test its absence. */
const DETAILS_TOKEN = randomBytes(16).toString('hex');
const AUTHORIZED = { authorization: `Bearer ${DETAILS_TOKEN}` };
/** The external API counts its requests per id: liveness must never reach it, readiness must. */
const API_UP = `api-up-${randomBytes(6).toString('hex')}`;
const API_DOWN = `api-down-${randomBytes(6).toString('hex')}`;
/** The deadline of the check against a server that accepts connections and never answers. */
const SILENT_TIMEOUT_MS = 300;
/**
 * What a round trip may add to a deadline: a process boundary, a Lambda runner,
 * workerd, on a loaded two-core machine. Still far below a 2 s Redis or 3 s Postgres default.
 */
const TRANSPORT_MARGIN_MS = 500;

/** Every dependency up: Postgres behind the Neon gateway, Redis behind the Upstash gateway, an external API. */
export const ALL_UP: Env = {
  HEALTH_VERSION: VERSION,
  HEALTH_DETAILS_TOKEN: DETAILS_TOKEN,
  DATABASE_URL: stack.databaseUrl,
  NEON_FETCH_ENDPOINT: stack.neonEndpoint,
  UPSTASH_REDIS_REST_URL: stack.upstashUrl,
  UPSTASH_REDIS_REST_TOKEN: stack.upstashToken,
  HEALTH_HTTP_CHECKS: JSON.stringify([{ name: 'external-api', url: `${fixtures.http}/tracked/${API_UP}` }]),
};

/**
 * Postgres and Redis stopped (their gateways still up), the external API up, and two
 * non-critical APIs that fail by the network: one never answers, one refuses. Cases
 * look at a subset with `?exclude=` or `/ready/<name>`.
 */
export const DEPENDENCIES_DOWN: Env = {
  ...ALL_UP,
  DATABASE_URL: stack.stoppedDatabaseUrl,
  UPSTASH_REDIS_REST_URL: stack.stoppedRedisUpstashUrl,
  HEALTH_HTTP_CHECKS: JSON.stringify([
    { name: 'external-api', url: `${fixtures.http}/tracked/${API_DOWN}` },
    { name: 'silent-api', url: silent, timeout_ms: SILENT_TIMEOUT_MS, category: 'non-critical' },
    { name: 'refused-api', url: fixtures.refused, category: 'non-critical' },
  ]),
};

type SeedBody = Required<Pick<Body, 'isolate'>> & Body;

const SEED_KEYS = ['in_rotation', 'status', 'version', 'dependencies', 'message', 'isolate'];
const DEPENDENCY_KEYS = ['name', 'status', 'category', 'latency_ms', 'message', 'reason', 'details', 'age_ms'];
/** Headers of the connection, the transfer or the measurement (each run's check timings), not of the answer: HEAD may differ from GET in these. */
const TRANSFER_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'server-timing']);

const answerHeaders = (response: Response): [string, string][] => [...response.headers].filter(([name]) => !TRANSFER_HEADERS.has(name));

const hits = async (id: string): Promise<number> => ((await (await fetch(`${fixtures.http}/hits/${id}`)).json()) as { hits: number }).hits;

const timed = async <T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> => {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
};

/**
 * The conformance suite: the same cases, against one deployable target, started
 * once with every dependency up and once with dependencies down.
 */
export function describeConformance(target: Target): void {
  describe(target.name, () => {
    let up: Instance | undefined;
    let down: Instance | undefined;

    beforeAll(async () => {
      [up, down] = await Promise.all([target.start(ALL_UP), target.start(DEPENDENCIES_DOWN)]);
    }, 60_000);

    afterAll(async () => {
      await Promise.all([up?.stop(), down?.stop()]);
    });

    const call = (instance: Instance | undefined, path: string, init: RequestInit = {}): Promise<Response> => {
      if (!instance) throw new Error(`${target.name} did not start`);
      const headers = new Headers(init.headers ?? AUTHORIZED);
      return instance.fetch(new Request(`https://conformance.test${target.base}${path}`, { ...init, headers }));
    };

    const expectHealthHeaders = (response: Response): void => {
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    };

    /** The seed design's JSON, with only its optional additions, from this target's platform. */
    const seed = async (response: Response): Promise<SeedBody> => {
      expectHealthHeaders(response);
      const text = await response.text();
      const body = JSON.parse(text) as SeedBody;
      expect(SEED_KEYS).toEqual(expect.arrayContaining(Object.keys(body)));
      // The keyword monitors match: first on a 200, nowhere in any other answer.
      expect(text.indexOf(ROTATION_TOKEN)).toBe(response.status === 200 ? '{"in_rotation":"'.length : -1);
      expect(body.version).toBe(VERSION);
      expect(Array.isArray(body.dependencies)).toBe(true);
      for (const dependency of body.dependencies) {
        expect(DEPENDENCY_KEYS).toEqual(expect.arrayContaining(Object.keys(dependency)));
        expect(dependency).toMatchObject({
          name: expect.any(String),
          status: expect.stringMatching(/^(healthy|degraded|unhealthy)$/),
          category: expect.stringMatching(/^(critical|non-critical)$/),
        });
        expect(Number.isInteger(dependency.latency_ms) && dependency.latency_ms >= 0).toBe(true);
      }
      expect(body.isolate).toMatchObject({
        id: expect.any(String),
        state: expect.any(String),
        cold_start: expect.any(Boolean),
        started_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        uptime_ms: expect.any(Number),
        requests: expect.any(Number),
        platform: target.platform,
        ...(target.location === undefined ? {} : { location: target.location }),
      });
      return body;
    };

    const secretsOf = (...urls: string[]): string[] => [stack.upstashToken, DETAILS_TOKEN, ...urls.flatMap((url) => [url, decodeURIComponent(new URL(url).password)])];
    const expectNoSecret = (text: string, secrets: string[]): void => {
      for (const secret of secrets) expect(text).not.toContain(secret);
    };

    describe('endpoints', () => {
      it('startup: 200 started once init is done', async () => {
        const response = await call(up, '/startup');
        expect(response.status).toBe(200);
        expect(await seed(response)).toMatchObject({ status: 'started', dependencies: [], isolate: { state: 'ready' } });
      });

      it('live: 200 healthy and runs no check, even with every dependency down', async () => {
        for (const [instance, api] of [[up, API_UP], [down, API_DOWN]] as const) {
          const before = await hits(api);
          const response = await call(instance, '/live');
          expect(response.status).toBe(200);
          expect(await seed(response)).toMatchObject({ status: 'healthy', dependencies: [] });
          expect(await hits(api)).toBe(before);
          // The counter counts: readiness does reach the API.
          await (await call(instance, '/ready/external-api')).body?.cancel();
          expect(await hits(api)).toBe(before + 1);
        }
      });

      it('ready: 200 healthy when Postgres, Redis and the external API are up, in registration order', async () => {
        const response = await call(up, '/ready');
        expect(response.status).toBe(200);
        const body = await seed(response);
        expect(body.status).toBe('healthy');
        expect(body.message).toBeUndefined();
        expect(body.dependencies.map((d) => [d.name, d.status, d.category])).toEqual([
          ['postgres', 'healthy', 'critical'],
          ['redis', 'healthy', 'non-critical'],
          ['external-api', 'healthy', 'critical'],
        ]);
        expect(body.dependencies[0]?.details).toMatchObject({ rows: 1, server_version: expect.stringMatching(/^\d+(\.\d+)?/) });
        expect(body.dependencies[2]?.details).toEqual({ status_code: 200 });
        expect(body.isolate.state).toBe('ready');
      });

      it('/health is readiness too', async () => {
        const response = await call(up, '');
        expect(response.status).toBe(200);
        expect((await seed(response)).dependencies).toHaveLength(3);
      });

      it('ready/<name>: runs that one check; 404 JSON for a name that is not configured', async () => {
        const one = await call(up, '/ready/redis');
        expect(one.status).toBe(200);
        expect((await seed(one)).dependencies.map((d) => d.name)).toEqual(['redis']);

        const unknown = await call(up, '/ready/mysql');
        expect(unknown.status).toBe(404);
        expectHealthHeaders(unknown);
        expect(await unknown.json()).toEqual({
          status: 'error',
          error: 'No check is named "mysql". Known checks: postgres, redis, external-api.',
        });
      });

      it('HEAD: the status and headers of GET, and no body', async () => {
        const paths: [Instance | undefined, string, number][] = [
          [up, '/live', 200],
          [up, '/ready', 200],
          [up, '/startup', 200],
          [down, '/ready?exclude=silent-api', 503],
        ];
        for (const [instance, path, status] of paths) {
          const get = await call(instance, path);
          const head = await call(instance, path, { method: 'HEAD' });
          expect([get.status, head.status]).toEqual([status, status]);
          expect(answerHeaders(head)).toEqual(answerHeaders(get));
          expectHealthHeaders(head);
          expect(await head.text()).toBe('');
          expect((await get.text()).length).toBeGreaterThan(0);
        }
      });

      it(
        "HEAD: a Content-Length, when sent, is the length of GET's body (RFC 9110 §8.6)",
        async () => {
          const get = await call(up, '/startup');
          const length = new TextEncoder().encode(await get.text()).byteLength;
          const head = await call(up, '/startup', { method: 'HEAD' });
          await head.body?.cancel();
          const sent = head.headers.get('content-length');
          // Give or take the digits of the isolate's counters and uptime, which change between two requests.
          if (sent !== null) expect(Math.abs(Number(sent) - length)).toBeLessThanOrEqual(4);
        },
      );

      it('an unknown path: 404 with a JSON body', async () => {
        const response = await call(up, '/nope');
        expect(response.status).toBe(404);
        expectHealthHeaders(response);
        expect(await response.json()).toEqual({
          status: 'error',
          error: `Not found: ${target.base}/nope. Try ${target.base}/live, ${target.base}/ready or ${target.base}/startup.`,
        });
      });

      it('POST, PUT, DELETE: 405 with Allow: GET, HEAD', async () => {
        for (const method of ['POST', 'PUT', 'DELETE']) {
          const response = await call(up, '/ready', { method, body: method === 'DELETE' ? null : '{"probe":true}', headers: { ...AUTHORIZED, 'content-type': 'application/json' } });
          expect(response.status).toBe(405);
          expect(response.headers.get('allow')).toBe('GET, HEAD');
          expectHealthHeaders(response);
          expect(await response.json()).toEqual({ status: 'error', error: `Method ${method} is not allowed here; use GET or HEAD.` });
        }
      });

      // Why: on Node these two once threw synchronously in node:http's handler and stopped
      // the process; on Deno and Bun the unparsable url made the router answer 500.
      // Only where the target listens on a socket of its own (Node, Deno, Bun): raw bytes need one.
      if (target.drain.kind === 'sigterm') it('TRACE: 405, a Host that is not a host: 400, and the server keeps serving', async () => {
        const origin = up?.origin;
        if (!origin) throw new Error(`${target.name} serves no socket`);
        const trace = await rawHttp(origin, `TRACE ${target.base}/live HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
        expect(trace).toMatch(/^HTTP\/1\.1 405 /);
        expect(trace).toMatch(/\r\nallow: GET, HEAD\r\n/i);
        const badHost = await rawHttp(origin, `GET ${target.base}/live HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n`);
        expect(badHost).toMatch(/^HTTP\/1\.1 400 /);
        expect(badHost).toContain('"status":"error"');
        const after = await call(up, '/live');
        expect(after.status).toBe(200);
        await after.body?.cancel();
      });
    });

    describe('aggregation of real checks against real servers', () => {
      it('a stopped Redis (non-critical): 200 degraded, naming it', async () => {
        const response = await call(down, '/ready?exclude=postgres,silent-api,refused-api');
        expect(response.status).toBe(200);
        const body = await seed(response);
        expect(body).toMatchObject({ status: 'degraded', message: 'degraded: redis' });
        expect(body.dependencies).toEqual([
          expect.objectContaining({ name: 'redis', status: 'unhealthy', category: 'non-critical', reason: 'unexpected_response', message: expect.stringMatching(/^Redis is unreachable/) }),
          expect.objectContaining({ name: 'external-api', status: 'healthy' }),
        ]);
      });

      it('a stopped Postgres (critical): 503 unhealthy, naming it', async () => {
        const response = await call(down, '/ready?exclude=redis,silent-api,refused-api');
        expect(response.status).toBe(503);
        const body = await seed(response);
        expect(body).toMatchObject({ status: 'unhealthy', message: 'critical dependency unhealthy: postgres' });
        expect(body.dependencies).toEqual([
          expect.objectContaining({
            name: 'postgres',
            status: 'unhealthy',
            category: 'critical',
            reason: 'http_status',
            message: 'the SQL-over-HTTP endpoint answered HTTP 500',
            details: { status_code: 500 },
          }),
          expect.objectContaining({ name: 'external-api', status: 'healthy' }),
        ]);
      });

      it('everything at once: 503, every dependency reported, the checks run in parallel, no secret shown', async () => {
        const { value: response, ms } = await timed(() => call(down, '/ready'));
        expect(response.status).toBe(503);
        const text = await response.clone().text();
        expectNoSecret(text, secretsOf(stack.stoppedDatabaseUrl));
        const body = await seed(response);
        expect(body.message).toBe('critical dependency unhealthy: postgres');
        expect(body.dependencies.map((d) => [d.name, d.status, d.reason ?? null])).toEqual([
          ['postgres', 'unhealthy', 'http_status'],
          ['redis', 'unhealthy', 'unexpected_response'],
          ['external-api', 'healthy', null],
          ['silent-api', 'unhealthy', 'timeout'],
          ['refused-api', 'unhealthy', 'network'],
        ]);
        // In parallel: the slowest check's deadline, not the sum of all.
        expect(ms).toBeLessThan(SILENT_TIMEOUT_MS + TRANSPORT_MARGIN_MS);
      });

      it('without the details token (HEALTH_DETAILS_TOKEN): statuses and reasons, no messages or details', async () => {
        for (const headers of [{}, { authorization: 'Bearer not-the-token-0123456789' }]) {
          const response = await call(down, '/ready?exclude=silent-api', { headers });
          expect(response.status).toBe(503);
          const body = await seed(response);
          expect(body.message).toBe('critical dependency unhealthy: postgres');
          expect(body.dependencies).toEqual([
            { name: 'postgres', status: 'unhealthy', category: 'critical', latency_ms: expect.any(Number), reason: 'http_status' },
            { name: 'redis', status: 'unhealthy', category: 'non-critical', latency_ms: expect.any(Number), reason: 'unexpected_response' },
            { name: 'external-api', status: 'healthy', category: 'critical', latency_ms: expect.any(Number) },
            { name: 'refused-api', status: 'unhealthy', category: 'non-critical', latency_ms: expect.any(Number), reason: 'network' },
          ]);
        }
      });

      it('healthy answers show no secret either', async () => {
        const text = await (await call(up, '/ready')).text();
        expectNoSecret(text, secretsOf(stack.databaseUrl));
      });

      it(`a dependency that accepts the connection and never answers: timeout, reported by its ${SILENT_TIMEOUT_MS} ms deadline`, async () => {
        const { value: response, ms } = await timed(() => call(down, '/ready/silent-api'));
        expect(response.status).toBe(200);
        const body = await seed(response);
        expect(body).toMatchObject({ status: 'degraded', message: 'degraded: silent-api' });
        const [report] = body.dependencies;
        expect(report).toMatchObject({ name: 'silent-api', status: 'unhealthy', reason: 'timeout', message: `timed out after ${SILENT_TIMEOUT_MS} ms` });
        expect(report?.latency_ms).toBeGreaterThanOrEqual(SILENT_TIMEOUT_MS - 5);
        expect(report?.latency_ms).toBeLessThan(SILENT_TIMEOUT_MS + 150);
        expect(ms).toBeGreaterThanOrEqual(SILENT_TIMEOUT_MS - 5);
        expect(ms).toBeLessThan(SILENT_TIMEOUT_MS + TRANSPORT_MARGIN_MS);
      });

      // Every runtime says `network`: workerd cannot tell a refused connection from a lost one.
      it('a dependency that refuses the connection: reason network', async () => {
        const body = await seed(await call(down, '/ready/refused-api'));
        expect(body.dependencies).toEqual([
          expect.objectContaining({ name: 'refused-api', status: 'unhealthy', reason: 'network', message: expect.any(String) }),
        ]);
      });
    });

    describeDrain(target);
  });
}

/** Leaving rotation, the platform's way (see {@link Target.drain}). */
function describeDrain(target: Target): void {
  const { drain } = target;
  const get = (instance: Instance, path: string): Promise<Response> => instance.fetch(new Request(`https://conformance.test${target.base}${path}`));
  const bodyOf = async (response: Response): Promise<SeedBody> => (await response.json()) as SeedBody;

  function itDrainsByVariable(): void {
    it('drain with HEALTH_DRAIN=true: readiness 503 draining, liveness 200', async () => {
      const instance = await target.start({ ...ALL_UP, HEALTH_DRAIN: 'true' });
      try {
        const ready = await get(instance, '/ready');
        expect(ready.status).toBe(503);
        expect(await bodyOf(ready)).toMatchObject({ status: 'draining', message: 'drained by HEALTH_DRAIN', dependencies: [] });
        expect((await get(instance, '/live')).status).toBe(200);
      } finally {
        await instance.stop();
      }
    }, 30_000);
  }

  switch (drain.kind) {
    case 'sigterm':
      it('drain on a real SIGTERM: readiness 503 shutting_down at once, liveness 200, then exit 0', async () => {
        const instance = await target.start({ ...ALL_UP, ...drain.env });
        try {
          const child = instance.process;
          if (!child) throw new Error('a sigterm target runs in a process of its own');
          expect((await get(instance, '/ready')).status).toBe(200);

          child.kill('SIGTERM');
          const signalled = performance.now();
          let ready = await get(instance, '/ready');
          while (ready.status !== 503 && performance.now() - signalled < 500) ready = await get(instance, '/ready');
          expect(ready.status).toBe(503);
          expect(await bodyOf(ready)).toMatchObject({ status: 'shutting_down', message: 'received SIGTERM', dependencies: [], isolate: { state: 'draining' } });

          const live = await get(instance, '/live');
          expect(live.status).toBe(200);
          expect(await bodyOf(live)).toMatchObject({ status: 'healthy', isolate: { state: 'draining' } });

          expect(await child.exited).toEqual({ code: 0, signal: null });
          expect(child.output()).toContain('edge-health: received SIGTERM: readiness is 503; draining for');
          expect(child.output()).toContain('edge-health: stopped');
        } finally {
          await instance.stop();
        }
      }, 30_000);

      it('drain: a second signal is logged and does not cut it short; a request longer than HEALTH_SHUTDOWN_TIMEOUT_MS is cut at that timeout', async () => {
        const slow = JSON.stringify([{ name: 'slow-api', url: `${fixtures.http}/slow?ms=8000`, timeout_ms: 10_000 }]);
        const instance = await target.start({ ...ALL_UP, HEALTH_HTTP_CHECKS: slow, HEALTH_DRAIN_DELAY_MS: '300', HEALTH_SHUTDOWN_TIMEOUT_MS: '1000' });
        try {
          const child = instance.process;
          if (!child) throw new Error('a sigterm target runs in a process of its own');
          const inFlight = get(instance, '/ready/slow-api').catch(() => undefined);
          await new Promise((resolve) => setTimeout(resolve, 200));
          child.kill('SIGTERM');
          const { value: exit, ms } = await timed(async () => {
            await new Promise((resolve) => setTimeout(resolve, 100));
            child.kill('SIGINT');
            return child.exited;
          });
          expect(exit).toEqual({ code: 0, signal: null });
          // 300 ms of drain, then at most 1,000 ms for the request in flight: never the check's 8 s.
          expect(ms).toBeGreaterThan(1000);
          expect(ms).toBeLessThan(1300 + TRANSPORT_MARGIN_MS * 2);
          expect(child.output()).toContain('edge-health: received SIGINT again; still draining');
          expect(child.output()).toContain('still in flight after 1000 ms');
          await inFlight;
        } finally {
          await instance.stop();
        }
      }, 30_000);
      return;

    case 'sigterm-after-invocation':
      it('SIGTERM in the Shutdown phase, after the last invocation: exit 0 at once', async () => {
        const instance = await target.start({ ...ALL_UP, ...drain.env });
        try {
          const child = instance.process;
          if (!child) throw new Error('a sigterm target runs in a process of its own');
          // The first invocation loads the function, and with it its SIGTERM handler.
          expect((await get(instance, '/ready')).status).toBe(200);

          child.kill('SIGTERM');
          const { value: exit, ms } = await timed(() => child.exited);
          expect(exit).toEqual({ code: 0, signal: null });
          expect(child.output()).toContain('edge-health: stopped');
          // The Shutdown phase lasts 500 ms with internal extensions (2,000 ms with external ones), then SIGKILL.
          expect(ms).toBeLessThan(500);
        } finally {
          await instance.stop();
        }
      }, 30_000);
      return;

    case 'drain-switch':
      it('drain with the KV flag, without a redeploy: readiness 503 draining, liveness 200, and back', async () => {
        const instance = await target.start({ ...ALL_UP, ...drain.env });
        try {
          const flags = instance.flags;
          if (!flags) throw new Error('a drain-switch target has a flag store');
          expect((await get(instance, '/ready')).status).toBe(200);

          await flags.put('drain', 'true');
          await new Promise((resolve) => setTimeout(resolve, 5));
          const drained = await get(instance, '/ready');
          expect(drained.status).toBe(503);
          expect(await bodyOf(drained)).toMatchObject({ status: 'draining', message: 'drained by the operator (drain flag)', dependencies: [], isolate: { state: 'draining' } });
          const live = await get(instance, '/live');
          expect(live.status).toBe(200);
          expect(await bodyOf(live)).toMatchObject({ status: 'healthy', isolate: { state: 'draining' } });

          await flags.delete('drain');
          await new Promise((resolve) => setTimeout(resolve, 5));
          const back = await get(instance, '/ready');
          expect(back.status).toBe(200);
          expect(await bodyOf(back)).toMatchObject({ status: 'healthy', isolate: { state: 'ready' } });
        } finally {
          await instance.stop();
        }
      }, 30_000);

      itDrainsByVariable();
      return;

    case 'variable':
      itDrainsByVariable();
      return;

    case 'none':
      // Nothing to run: `drain.why` says what covers it, and the report lists it.
      return;
  }
}
