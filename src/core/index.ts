/**
 * The edge-health core: the check contract, the parallel runner with deadlines,
 * aggregation, the per-isolate lifecycle and the response formats. No platform
 * APIs beyond fetch, Request, Response and AbortSignal.
 * @module
 */
export type { Check, CheckCategory, CheckReport, CheckResult, CheckStatus, ComponentType, FailureReason, HealthVerdict } from './types.ts';
export { CheckError, ConfigError, EdgeHealthError, LifecycleError, isCheckError } from './errors.ts';
export {
  CHECK_NAME_PATTERN,
  CheckOptionError,
  decodedUserInfo,
  defineCheck,
  DEFAULT_TIMEOUT_MS,
  isCheckOptionError,
  MAX_TIMEOUT_MS,
  parseCheckUrl,
  type CheckOptions,
  type DefineCheckOptions,
} from './define-check.ts';
export { runCheck } from './run-check.ts';
export { runChecks } from './run-checks.ts';
export type { StatusChange } from './result-cache.ts';
export { FlapDamper, type DampingOptions, type DampingWindow } from './flap-damper.ts';
export { MemoryResultStore, type CheckRunner, type ResultStore, type StoredRun } from './result-store.ts';
export { ResultCache, type ResultCacheOptions } from './result-cache.ts';
export { raceDeadline } from './deadline.ts';
export { aggregate } from './aggregate.ts';
export { statusExpectation, statusFromHttp, type ExpectStatus } from './status-from-http.ts';
export { classifyError, type ClassifiedError } from './classify-error.ts';
export { redact, redactDeep } from './redact.ts';
export {
  containsRotationToken,
  isInRotation,
  ROTATION_FIELD,
  ROTATION_TOKEN,
  TOKEN_STAND_IN,
  withoutRotationToken,
  withRotationField,
} from './rotation-token.ts';
export { Lifecycle, type InitTask, type IsolateFacts, type LifecycleOptions, type LifecycleState } from './lifecycle.ts';
export { RequestTracker } from './request-tracker.ts';
export { DrainSwitch, switchWord, type DrainSwitchOptions, type FlagStore } from './drain-switch.ts';
export { notifyReadiness, type ReadinessObservation, type ReadinessObserver } from './readiness-observer.ts';
export { createHealth, type Handler, type Health, type HealthOptions, type RequestContext } from './create-health.ts';
export { renderHealthJson, renderSeedJson, renderVerboseText, type HealthSummary } from './render.ts';
export { errorResponse, jsonResponse, HEALTH_HEADERS } from './respond.ts';
export { drainOnSignal, DRAIN_DEFAULTS, type Drain, type DrainOnSignalOptions, type DrainTimings } from './drain-on-signal.ts';
export { acceptsLazyRequests, bodyTextOf, HEADER_FIELD, isLazyRequest, LIGHT_RESPONSE, lightAnswers, REAL_REQUEST, realRequest, takesLazyRequests, textResponse } from './shortcuts.ts';
