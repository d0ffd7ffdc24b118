import type { FailureReason } from './types.ts';

/**
 * The base of every error edge-health throws. Match on `name` (not `instanceof`)
 * when an error may cross realms, e.g. between a Worker and its tests.
 */
export class EdgeHealthError extends Error {
  override name: string = 'EdgeHealthError';
}

/** A programming or configuration mistake found while building checks or handlers. */
export class ConfigError extends EdgeHealthError {
  override name = 'ConfigError' as const;
}

/** Thrown by a check to fail with a classified reason and a message safe to show. */
export class CheckError extends EdgeHealthError {
  override name = 'CheckError' as const;
  readonly reason: FailureReason;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    reason: FailureReason,
    message: string,
    options?: { cause?: unknown; details?: Record<string, unknown> },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.reason = reason;
    this.details = options?.details;
  }
}

/** An illegal lifecycle transition: a bug in the caller, never a runtime condition. */
export class LifecycleError extends EdgeHealthError {
  override name = 'LifecycleError' as const;
}

export const isCheckError = (error: unknown): error is CheckError =>
  error instanceof Error && error.name === 'CheckError' && 'reason' in error;
