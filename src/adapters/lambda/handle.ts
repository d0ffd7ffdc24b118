import { withoutRotationToken, type Handler } from '../../core/index.ts';
import { detectEvent, type HttpEvent, type OtherEvent } from './detect-event.ts';
import { ALLOWED_METHODS, isLambdaEventError, LambdaEventError, pick } from './read-event.ts';
import type { LambdaResult } from './types.ts';

export interface InvokeInfo {
  /** True for the first invocation in this execution environment (module instance). */
  coldStart: boolean;
  /** `context.awsRequestId`, when Lambda gave one. */
  requestId?: string;
}

export interface HandleOptions {
  /**
   * Called at the start of every invocation, before the event is read. A throw is reported to `onError` and ignored.
   * @default none
   */
  onInvoke?: (info: InvokeInfo) => void;
  /**
   * The request header that carries `context.awsRequestId` into the `Request`.
   * @default 'x-request-id'
   */
  requestIdHeader?: string;
  /**
   * Receives what the fetch handler (or `onInvoke`) threw. The error is raw: redact its message before logging it.
   * @default logs the error's name and the request id to `console.error`, never the message
   */
  onError?: (error: unknown, info: InvokeInfo) => void;
}

/** Time kept back from the invocation's deadline to turn the answer into a result. */
const DEADLINE_MARGIN_MS = 100;

/**
 * Aborts the request's signal shortly before Lambda would end the invocation, so
 * checks still running give way to an honest 503 instead of a Lambda timeout.
 * Why a timer and not `AbortSignal.timeout`: the timer holds its controller, so
 * the deadline fires even when nothing else references the signal.
 */
function withInvocationDeadline(request: Request, context: unknown): { request: Request; done: () => void } {
  const remaining = pick(context, 'getRemainingTimeInMillis');
  if (typeof remaining !== 'function') return { request, done: () => {} };
  let ms: number;
  try {
    ms = Number((remaining as () => unknown).call(context));
  } catch {
    ms = Number.NaN; // A context that cannot tell its deadline sets none, rather than failing the invocation.
  }
  if (!Number.isFinite(ms)) return { request, done: () => {} };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error('the Lambda invocation is about to time out')), Math.max(1, ms - DEADLINE_MARGIN_MS));
  const followed = new Request(request, { signal: controller.signal });
  return {
    request: followed,
    // Why `followed` stays referenced until done: a Request's signal follows ours
    // through a weak reference held by the Request; a handler that keeps only the
    // signal would otherwise let the Request be collected and never see the abort.
    done: () => {
      clearTimeout(timer);
      void followed;
    },
  };
}

const SERVED = 'it serves HTTP events only (API Gateway REST and HTTP APIs, Function URLs, ALB, VPC Lattice)';

/** Fails the invocation, so that a trigger wired here by mistake retries or dead-letters its messages instead of losing them. */
const notHttp = (event: OtherEvent): LambdaEventError =>
  new LambdaEventError('not_http', `edge-health received ${event.description}; ${SERVED}. Check the function's triggers.`);

/** Reads the request, with the event's label on any error it answers. */
function readRequest(event: HttpEvent): Request {
  try {
    return event.toRequest();
  } catch (error) {
    if (isLambdaEventError(error) && error.code === 'method_not_allowed') throw error;
    const detail = isLambdaEventError(error) ? ` ${error.message}` : '';
    throw new LambdaEventError('malformed', `Malformed ${event.label} event.${detail}`, { cause: error });
  }
}

/**
 * Reads any supported Lambda HTTP event into a fetch `Request`.
 *
 * @throws {LambdaEventError} `not_http` for an event of another kind (SQS, S3, …),
 * `malformed` or `method_not_allowed` for an HTTP event that cannot be served; the message is safe to show
 * @example
 * ```ts
 * const request = toRequest(event);
 * new URL(request.url).pathname; // '/health/ready'
 * ```
 */
export function toRequest(event: unknown): Request {
  const detected = detectEvent(event);
  if (!detected.http) throw notHttp(detected);
  return readRequest(detected);
}

/**
 * Turns a `Response` into the result the event's source expects.
 *
 * @throws {LambdaEventError} `not_http` for an event that is no HTTP event
 * @example
 * ```ts
 * return toResult(event, await app.fetch(toRequest(event)));
 * ```
 */
export async function toResult(event: unknown, response: Response): Promise<LambdaResult> {
  const detected = detectEvent(event);
  if (!detected.http) throw notHttp(detected);
  return detected.toResult(response);
}

/**
 * The JSON error every edge-health endpoint answers with: `{ status: 'error', error: message }`,
 * never carrying the in-rotation token (a message may quote the event's method).
 */
function errorResponse(status: number, message: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ status: 'error', error: withoutRotationToken(message) }), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });
}

function eventErrorResponse(error: unknown): Response {
  if (isLambdaEventError(error) && error.code === 'method_not_allowed') return errorResponse(405, error.message, { Allow: ALLOWED_METHODS });
  return errorResponse(400, error instanceof Error ? error.message : 'Malformed event.');
}

/** A Lambda handler for every supported HTTP event shape. */
export type LambdaHandler = (event: unknown, context?: unknown) => Promise<LambdaResult>;

// Module scope lives as long as the execution environment, so the first call here is its cold start.
let invoked = false;

/**
 * Wraps a fetch handler for AWS Lambda behind API Gateway (REST v1, HTTP API v2),
 * a Function URL, an ALB or VPC Lattice (V1, V2). A malformed HTTP event gets a
 * readable 400, a method a `Request` cannot carry a 405, and a throwing fetch
 * handler a generic 500. Any other event (SQS, S3, EventBridge…) fails the
 * invocation with a `LambdaEventError` naming its kind, so its source retries
 * or dead-letters it rather than counting it as handled.
 *
 * @example
 * ```ts
 * export const handler = handle(createHealthRouter(createHealth({ checks })).fetch);
 * ```
 */
export function handle(fetch: Handler, options: HandleOptions = {}): LambdaHandler {
  const requestIdHeader = options.requestIdHeader ?? 'x-request-id';
  assertHeaderName(requestIdHeader);
  const report = (error: unknown, info: InvokeInfo): void => {
    try {
      (options.onError ?? logWithoutMessage)(error, info);
    } catch {
      // A failing reporter must not turn an answer into a crash.
    }
  };

  return async (event, context) => {
    const requestId = pick(context, 'awsRequestId');
    const info: InvokeInfo = { coldStart: !invoked, ...(typeof requestId === 'string' && requestId !== '' ? { requestId } : {}) };
    invoked = true;
    try {
      options.onInvoke?.(info);
    } catch (error) {
      report(error, info);
    }

    const detected = detectEvent(event);
    if (!detected.http) throw notHttp(detected);
    let request: Request;
    try {
      request = readRequest(detected);
    } catch (error) {
      return detected.toResult(eventErrorResponse(error));
    }
    if (info.requestId !== undefined) trySetHeader(request.headers, requestIdHeader, info.requestId);
    const deadline = withInvocationDeadline(request, context);

    try {
      return await detected.toResult(await fetch(deadline.request));
    } catch (error) {
      report(error, info);
      const where = info.requestId === undefined ? 'the function logs' : `the function logs for request ${info.requestId}`;
      return detected.toResult(errorResponse(500, `The health handler failed unexpectedly; see ${where}.`));
    } finally {
      deadline.done();
    }
  };
}

function assertHeaderName(name: string): void {
  try {
    new Headers().set(name, '');
  } catch {
    throw new TypeError(`requestIdHeader "${name}" is not a valid HTTP header name, e.g. 'x-request-id'.`);
  }
}

function trySetHeader(headers: Headers, name: string, value: string): void {
  try {
    headers.set(name, value);
  } catch {
    // A request id that is no valid header value is dropped rather than failing the request.
  }
}

function logWithoutMessage(error: unknown, info: InvokeInfo): void {
  const name = error instanceof Error ? error.name : typeof error;
  const request = info.requestId === undefined ? '' : ` (request ${info.requestId})`;
  console.error(
    `[edge-health/lambda] caught ${name}${request} from the fetch handler or a hook. Its message is withheld as it may hold secrets; pass options.onError to log it redacted.`,
  );
}
