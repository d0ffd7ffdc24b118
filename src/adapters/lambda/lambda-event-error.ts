/** A Lambda event that cannot become a `Request`; its message is safe to return to the caller. */
export class LambdaEventError extends Error {
  override name = 'LambdaEventError' as const;
}

export const isLambdaEventError = (error: unknown): error is LambdaEventError =>
  error instanceof Error && error.name === 'LambdaEventError';
