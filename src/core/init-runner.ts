import { classifyError } from './classify-error.ts';
import { raceDeadline } from './deadline.ts';
import { timeoutError } from './timeout-error.ts';

/** A startup task: validate configuration, check bindings, warm a connection. */
export interface InitTask {
  name: string;
  run(signal: AbortSignal): Promise<void> | void;
  /** @default 5000 */
  timeoutMs?: number;
}

export interface InitBackoff {
  /** First retry delay after a failed init; doubles per failure. @default 1000 */
  retryDelayMs?: number | undefined;
  /** @default 60000 */
  maxRetryDelayMs?: number | undefined;
}

/** How one init run ended: `failed` names the task and why, unredacted. */
export type InitOutcome = { ok: true } | { ok: false; failure: string };

/**
 * Runs the init tasks in order, one run at a time (concurrent callers share
 * it), and keeps the retry backoff after a failure: the first retry after
 * `retryDelayMs`, then doubling up to `maxRetryDelayMs`.
 */
export class InitRunner {
  readonly #tasks: InitTask[];
  readonly #backoff: InitBackoff;
  readonly #now: () => number;
  #running: Promise<InitOutcome> | undefined;
  #begun = false;
  #failures = 0;
  #retryAt = 0;

  constructor(tasks: readonly InitTask[], backoff: InitBackoff, now: () => number) {
    this.#tasks = [...tasks];
    this.#backoff = backoff;
    this.#now = now;
  }

  /** Whether a run has begun at least once (tasks can no longer be added). */
  get begun(): boolean {
    return this.#begun;
  }

  get running(): Promise<InitOutcome> | undefined {
    return this.#running;
  }

  /** When a retry is allowed after the last failure (0 before any). */
  get retryAt(): number {
    return this.#retryAt;
  }

  add(task: InitTask): void {
    this.#tasks.push(task);
  }

  /** Starts a run, or joins the one in progress. */
  run(): Promise<InitOutcome> {
    this.#begun = true;
    this.#running ??= this.#runTasks().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  async #runTasks(): Promise<InitOutcome> {
    for (const task of this.#tasks) {
      try {
        await runTask(task);
      } catch (error) {
        this.#failures += 1;
        const delay = (this.#backoff.retryDelayMs ?? 1000) * 2 ** (this.#failures - 1);
        this.#retryAt = this.#now() + Math.min(delay, this.#backoff.maxRetryDelayMs ?? 60_000);
        return { ok: false, failure: `${task.name}: ${classifyError(error).message}` };
      }
    }
    this.#failures = 0;
    return { ok: true };
  }
}

/** Runs one init task under its deadline; a task that ignores its signal still fails at it. */
async function runTask(task: InitTask): Promise<void> {
  const timeoutMs = task.timeoutMs ?? 5000;
  const controller = new AbortController();
  const work = (async () => task.run(controller.signal))();
  await raceDeadline(work, {
    ms: timeoutMs,
    onTimeout: () => {
      const error = timeoutError(timeoutMs);
      controller.abort(error);
      throw error;
    },
  });
}
