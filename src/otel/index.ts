/**
 * OpenTelemetry tracing for edge-health through `@opentelemetry/api` only
 * (an optional peer dependency): a readiness hook that records a span per
 * readiness answer and per check.
 * @module
 */
export { readinessTracing, type ReadinessTracingOptions } from './readiness-tracing.ts';
