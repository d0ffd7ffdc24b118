import { detectEvent } from './detect-event.ts';
import { describeUnknownEvent } from './describe-unknown-event.ts';
import { LambdaEventError } from './lambda-event-error.ts';

/**
 * Reads any supported Lambda HTTP event into a fetch `Request`.
 *
 * @throws {LambdaEventError} when the event is of no known shape or malformed; the message is safe to show
 * @example
 * ```ts
 * const request = toRequest(event);
 * new URL(request.url).pathname; // '/health/ready'
 * ```
 */
export function toRequest(event: unknown): Request {
  const detected = detectEvent(event);
  if (detected === undefined) throw new LambdaEventError(describeUnknownEvent(event));
  try {
    return detected.toRequest();
  } catch (error) {
    const detail = error instanceof LambdaEventError ? ` ${error.message}` : '';
    throw new LambdaEventError(`Malformed ${detected.label} event.${detail}`, { cause: error });
  }
}
