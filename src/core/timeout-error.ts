/** A `TimeoutError` (the name `AbortSignal.timeout` uses), with a message safe to show. */
export function timeoutError(ms: number): Error {
  const error = new Error(`timed out after ${ms} ms`);
  error.name = 'TimeoutError';
  return error;
}
