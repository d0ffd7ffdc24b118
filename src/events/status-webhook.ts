import { ConfigError, raceDeadline, type StatusChange } from '../core/index.ts';

export interface StatusWebhookOptions {
  /** Where each transition is POSTed. A secret: it usually carries a token in its path, so it is never logged. */
  url: string;
  /** The service version sent with each event. @default 'unknown' */
  version?: string;
  /** The longest one POST may take before it is given up (and logged). @default 5000 */
  timeoutMs?: number;
  /** @default globalThis.fetch */
  fetch?: (request: Request) => Promise<Response>;
  /** Where failed deliveries are logged (never with the URL). @default console.error */
  log?: (line: string) => void;
  /** @default Date.now */
  now?: () => number;
}

/** The JSON body of one event: the transition, and a Slack-compatible `text` line. */
export interface StatusEvent {
  check: string;
  /** `null` when the service had not seen the check before (its first run showed a problem). */
  from: string | null;
  to: string;
  /** The classified reason (`timeout`, `http_status`, `slow`, …); never free text. */
  reason: string | null;
  /** When the transition was seen (ISO 8601). */
  time: string;
  version: string;
  text: string;
}

/** The default for {@link StatusWebhookOptions.timeoutMs}. */
export const WEBHOOK_TIMEOUT_MS = 5000;

/**
 * Which changes are worth a message: every real transition, and a first sight
 * that is not healthy. Why not a healthy first sight: every restart (and every
 * Durable Object that wakes up) would announce that all is well.
 */
export const isNewsworthy = (change: StatusChange): boolean => change.from !== undefined || change.to !== 'healthy';

/** The event for one change: classified fields only, so no secret or message text can travel. */
export function statusEvent(change: StatusChange, version: string, at: number): StatusEvent {
  const reason = change.report.reason ?? null;
  const was = change.from === undefined ? 'first check' : `was ${change.from}`;
  return {
    check: change.check,
    from: change.from ?? null,
    to: change.to,
    reason,
    time: new Date(at).toISOString(),
    version,
    text: `edge-health: ${change.check} is ${change.to} (${was}${reason === null ? '' : `; reason ${reason}`}), version ${version}`,
  };
}

/** How many events may wait for a slow receiver before new ones are dropped (and logged). */
const MAX_WAITING = 100;

/**
 * A status-change listener that POSTs each newsworthy transition as JSON (a
 * Slack incoming webhook URL works as is: it reads `text`). POSTs go one at a
 * time, in the order of the transitions, each under its own deadline; the
 * returned promise never rejects, and nothing here can delay or change a
 * health answer: a failed delivery is only logged, and not retried.
 *
 * @example
 * ```ts
 * createHealth({ checks, refreshMs: 10_000, onStatusChange: statusWebhook({ url: env.HEALTH_WEBHOOK_URL, version: '1.4.2' }) });
 * ```
 */
export function statusWebhook(options: StatusWebhookOptions): (change: StatusChange) => Promise<void> {
  if (!isWebhookUrl(options.url)) {
    throw new ConfigError('The status webhook URL must be an absolute http or https URL without user:password@ (not shown: it is a secret).');
  }
  const { url, version = 'unknown', timeoutMs = WEBHOOK_TIMEOUT_MS, now = Date.now } = options;
  const log = options.log ?? console.error;
  const send = options.fetch ?? ((request: Request) => fetch(request));
  let queue = Promise.resolve();
  let waiting = 0;
  const deliver = async (event: StatusEvent): Promise<void> => {
    waiting -= 1;
    const failure = await post(send, url, event, timeoutMs).catch(() => 'could not connect');
    if (failure) log(`edge-health: status webhook for ${event.check} (${event.from ?? 'new'} → ${event.to}) not delivered: ${failure}`);
  };
  return (change) => {
    if (!isNewsworthy(change)) return queue;
    const event = statusEvent(change, version, now());
    // Why a bound: a receiver that hangs while a check flaps must not grow memory without end.
    if (waiting >= MAX_WAITING) {
      log(`edge-health: status webhook for ${event.check} (${event.from ?? 'new'} → ${event.to}) dropped: ${MAX_WAITING} events already wait for the receiver`);
      return queue;
    }
    waiting += 1;
    queue = queue.then(() => deliver(event));
    return queue;
  };
}

/** An absolute http(s) URL without user-info, which fetch would refuse (Node) or drop (workerd). */
export function isWebhookUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const { protocol, username, password } = new URL(url);
  return (protocol === 'https:' || protocol === 'http:') && username === '' && password === '';
}

/** One POST; resolves with why it failed (words that never include the URL), or undefined. */
async function post(send: (request: Request) => Promise<Response>, url: string, event: StatusEvent, timeoutMs: number): Promise<string | undefined> {
  const controller = new AbortController();
  const request = new Request(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(event),
    redirect: 'manual',
    signal: controller.signal,
  });
  const answered = send(request).then(async (response) => {
    // Why read the body: an unread body holds the connection open.
    await response.arrayBuffer().catch(() => undefined);
    return response.ok ? undefined : `the receiver answered HTTP ${response.status}`;
  });
  return raceDeadline(answered, {
    ms: timeoutMs,
    onTimeout: () => {
      controller.abort();
      return `no answer within ${timeoutMs} ms`;
    },
  });
}
