/** A deployment's configuration: the environment variables (or Worker bindings) it starts with. */
export type Env = Readonly<Record<string, string>>;

/** A child process serving a target, for the cases that signal it. */
export interface RunningProcess {
  /** Its process id, to read its memory from /proc. */
  readonly pid: number;
  kill(signal: NodeJS.Signals): void;
  /** Settles when the process has exited, with its exit code or the signal that ended it. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
}

/** One started deployment of a target. */
export interface Instance {
  /** Answers a request; only its method, path, query, headers and body matter, not its origin. */
  fetch(request: Request): Promise<Response>;
  stop(): Promise<void>;
  /** Where it listens, when it serves real HTTP on a socket (for raw requests `fetch` cannot send). */
  origin?: string;
  /** Present when the target runs in a process of its own. */
  process?: RunningProcess;
  /** The Worker's `HEALTH_FLAGS` KV namespace, as an operator would change it. */
  flags?: { put(key: string, value: string): Promise<void>; delete(key: string): Promise<void> };
}

/**
 * How a target leaves rotation, the platform's way.
 * - `sigterm`: a long-running server (Node, Deno, Bun). A real SIGTERM flips readiness to
 *   503 `shutting_down` at once, liveness stays 200, and the process exits 0 after its drain delay.
 * - `sigterm-after-invocation`: a Lambda execution environment. Lambda sends SIGTERM only
 *   in its Shutdown phase, after the last invocation and with none to follow, so there is
 *   no readiness to observe: the function exits 0 at once.
 * - `drain-switch`: a Worker, which gets no signal: `HEALTH_DRAIN=true`, or the KV flag
 *   `drain` in `HEALTH_FLAGS`, answers readiness 503 `draining`, liveness 200, reversibly.
 * - `none`: the target has no drain of its own; `why` says what covers it, if anything.
 */
export type DrainMode =
  | { kind: 'sigterm'; env: Env }
  | { kind: 'sigterm-after-invocation'; env: Env }
  | { kind: 'drain-switch'; env: Env }
  /** Only the configuration switch `HEALTH_DRAIN=true` (a redeploy): platforms with no signal and no flag store. */
  | { kind: 'variable' }
  | { kind: 'none'; why: string };

/** A deployable artifact, and how to start it with a configuration. */
export interface Target {
  name: string;
  /** What `isolate.platform` says in its answers. */
  platform: string;
  /** Where its health endpoints live. */
  base: string;
  /** What `isolate.location` says, when the target's platform tells one. */
  location?: string;
  drain: DrainMode;
  start(env: Env): Promise<Instance>;
}
