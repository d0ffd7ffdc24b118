/**
 * Prometheus metrics for edge-health: a per-isolate store fed by the core's
 * readiness hook, and a `/metrics` endpoint in the text exposition format.
 * @module
 */
export { HealthMetrics, type CheckHistory, type HealthMetricsOptions } from './health-metrics.ts';
export { metricsEndpoint, PROMETHEUS_CONTENT_TYPE, type MetricsEndpointOptions } from './metrics-endpoint.ts';
export { renderPrometheus, type MetricsSnapshot } from './render-prometheus.ts';
