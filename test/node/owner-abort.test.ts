import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openRawHttp } from '../support/raw-http.ts';
import type { SeedBody } from '../support/seed-body.ts';
import { startWorker, type RunningWorker } from '../support/miniflare-worker.ts';

const fixtures = inject('fixtures');
const DEPENDENCY_MS = 1500;
const hits = async (id: string): Promise<number> => ((await (await fetch(`${fixtures.http}/hits/${id}`)).json()) as { hits: number }).hits;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Answer {
  status: number;
  body: SeedBody;
  at: number;
}

async function probe(url: string): Promise<Answer> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as SeedBody, at: performance.now() };
}

/** A Worker whose one check calls a slow dependency, which counts the calls it receives. */
class SlowDependencyWorker {
  readonly id = `owner-abort-${crypto.randomUUID()}`;
  #worker: RunningWorker | undefined;

  async start(entry?: string): Promise<void> {
    const check = { name: 'api', url: `${fixtures.http}/tracked/${this.id}?ms=${DEPENDENCY_MS}`, timeout_ms: 5000 };
    this.#worker = await startWorker({ HEALTH_HTTP_CHECKS: JSON.stringify([check]) }, entry);
    // Init runs on the first request; warm the isolate so the probes below only wait on the check.
    expect((await fetch(`${this.url}/health/startup`)).status).toBe(200);
  }

  get url(): string {
    if (!this.#worker) throw new Error('start() first');
    return this.#worker.url;
  }

  calls = (): Promise<number> => hits(this.id);

  /** Until the dependency's own server has seen one more call than `before`: a run is in flight. */
  async runStarted(before: number): Promise<void> {
    for (let tries = 0; (await this.calls()) === before; tries += 1) {
      if (tries > 500) throw new Error('the owner probe never called the dependency');
      await sleep(10);
    }
  }

  stop = (): Promise<void> | undefined => this.#worker?.stop();
}

/** Each waiter keeps its own deadline, well past the dependency's answer. */
const WAITER_BUDGET_MS = DEPENDENCY_MS + 2500;

/** What came of one owner leaving mid-run: its own answer, the waiters', and the calls the dependency's server saw. */
interface Outcome<Left> {
  owner: Left;
  waiters: Answer[];
  calls: number;
}

/**
 * An owner probe starts the run; once the dependency's server has seen its call,
 * three waiters join the run in flight; then the owner leaves, as `leave` says.
 */
async function ownerLeavesMidRun<Left>(worker: SlowDependencyWorker, startOwner: () => () => Promise<Left>): Promise<Outcome<Left>> {
  const before = await worker.calls();
  const leave = startOwner();
  await worker.runStarted(before);
  const waiters = Promise.all([1, 2, 3].map(() => probe(`${worker.url}/health/ready?timeout=${WAITER_BUDGET_MS}`)));
  const owner = await leave();
  return { owner, waiters: await waiters, calls: (await worker.calls()) - before };
}

/** The owner's client sends its probe over a raw connection to workerd and closes it mid-run. */
const disconnectingOwner = (worker: SlowDependencyWorker) => (): (() => Promise<string>) => {
  const owner = openRawHttp(worker.url, 'GET /health/ready HTTP/1.1\r\nHost: health.test\r\n\r\n');
  return async () => {
    await sleep(100);
    owner.destroy();
    return owner.answer;
  };
};

/**
 * The owner asks for an answer within 300 ms, far less than the dependency takes: it is
 * answered (timeout) mid-run and its request ends, and with it the request's I/O context.
 */
const shortDeadlineOwner = (worker: SlowDependencyWorker) => (): (() => Promise<Answer>) => {
  const owner = probe(`${worker.url}/health/ready?timeout=300`);
  return () => owner;
};

const verdicts = (answers: Answer[]): [number, string | undefined, string | undefined][] =>
  answers.map(({ status, body }) => [status, body.dependencies[0]?.status, body.dependencies[0]?.reason]);

describe("a shared check run whose owner's request ends mid-run, in workerd (probes on its own socket)", () => {
  describe('the deployable Worker, which hands the shared run to ctx.waitUntil', () => {
    const worker = new SlowDependencyWorker();
    beforeAll(() => worker.start());
    afterAll(() => worker.stop());

    // Why this alone proves little here: workerd (1.20261023.1) notices no client that closes its HTTP/1.1
    // connection while a handler runs: the owner's handler runs to its end and request.signal never fires
    // (even under enable_request_signal), so nothing is cancelled. Production cancels the request; the next
    // test makes workerd do the same by ending the owner's request.
    it("gives every waiter the real result, for one call to the dependency, when the owner's client disconnects mid-run", async () => {
      const { owner, waiters, calls } = await ownerLeavesMidRun(worker, disconnectingOwner(worker));
      expect(owner).toBe('');
      expect(verdicts(waiters)).toEqual(Array(3).fill([200, 'healthy', undefined]));
      expect(calls).toBe(1);
    });

    it("gives every waiter the real result, for one call to the dependency, when the owner's request has been answered and ended mid-run", async () => {
      const { owner, waiters, calls } = await ownerLeavesMidRun(worker, shortDeadlineOwner(worker));
      expect(verdicts([owner])).toEqual([[503, 'unhealthy', 'timeout']]);
      expect(owner.at).toBeLessThan(Math.min(...waiters.map((waiter) => waiter.at)));
      expect(verdicts(waiters)).toEqual(Array(3).fill([200, 'healthy', undefined]));
      expect(calls).toBe(1);
    });
  });

  describe('the same Worker with its ctx withheld (no waitUntil): what the proof above would catch', () => {
    const worker = new SlowDependencyWorker();
    beforeAll(() => worker.start('test/node/fixtures/worker-without-wait-until.ts'));
    afterAll(() => worker.stop());

    // Why the waiters answer at all: each has its own deadline. Without one they hang for good, since the
    // check's own timeout was a timer of the owner's request, cancelled with it (seen: over 30 s, no answer).
    it("loses the run with the owner's request, and each waiter is answered only by its own deadline", async () => {
      const { owner, waiters, calls } = await ownerLeavesMidRun(worker, shortDeadlineOwner(worker));
      expect(verdicts([owner])).toEqual([[503, 'unhealthy', 'timeout']]);
      expect(verdicts(waiters)).toEqual(Array(3).fill([503, 'unhealthy', 'timeout']));
      expect(waiters.map((waiter) => waiter.body.dependencies[0]?.message)).toEqual(
        Array(3).fill(`unfinished when the request's ${WAITER_BUDGET_MS} ms budget ran out`),
      );
      // The call went out and was answered in 1.5 s; its answer reached no one.
      expect(calls).toBe(1);
    });
  });
});
