import { trace } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterEach, describe, expect, it } from 'vitest';
import { createHealth, defineCheck, Lifecycle, type Check } from '../core/index.ts';
import { readinessTracing } from './readiness-tracing.ts';

function tracing(): { exporter: InMemorySpanExporter; provider: BasicTracerProvider } {
  const exporter = new InMemorySpanExporter();
  return { exporter, provider: new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }) };
}

const ready = (): Lifecycle => {
  const lifecycle = new Lifecycle();
  lifecycle.markReady();
  return lifecycle;
};

const checks: Check[] = [
  defineCheck({ name: 'db', run: async () => (await new Promise((resolve) => setTimeout(resolve, 30)), { status: 'healthy' }) }),
  defineCheck({ name: 'cache', category: 'non-critical', run: () => ({ status: 'unhealthy', reason: 'refused', message: 'connect ECONNREFUSED 10.0.0.7:6379' }) }),
];

const ms = (time: [number, number]): number => time[0] * 1000 + time[1] / 1e6;
const byName = (spans: ReadableSpan[], name: string): ReadableSpan | undefined => spans.find((span) => span.name === name);

afterEach(() => trace.disable());

describe('readinessTracing', () => {
  it('records one span per readiness run and one child span per check, with status, reason and latency', async () => {
    const { exporter, provider } = tracing();
    const health = createHealth({ checks, lifecycle: ready(), onReadiness: readinessTracing({ tracer: provider.getTracer('test') }) });
    await health.ready(new Request('http://svc/health/ready'));
    const spans = exporter.getFinishedSpans();
    expect(spans.map((span) => span.name).sort()).toEqual(['edge-health.check cache', 'edge-health.check db', 'edge-health.readiness']);
    const run = byName(spans, 'edge-health.readiness');
    const db = byName(spans, 'edge-health.check db');
    const cache = byName(spans, 'edge-health.check cache');
    expect(run?.attributes).toEqual({ 'edge_health.status': 'degraded', 'edge_health.checks': 2, 'edge_health.cache_hit': false });
    expect(db?.attributes).toMatchObject({ 'edge_health.check.name': 'db', 'edge_health.check.status': 'healthy', 'edge_health.check.category': 'critical' });
    expect(cache?.attributes).toMatchObject({ 'edge_health.check.status': 'unhealthy', 'edge_health.check.reason': 'refused', 'edge_health.check.category': 'non-critical' });
    expect(cache?.status).toEqual({ code: 2, message: 'refused' });
    for (const check of [db, cache]) {
      expect(check?.parentSpanContext?.spanId).toBe(run?.spanContext().spanId);
      expect(check?.spanContext().traceId).toBe(run?.spanContext().traceId);
      // The span lasts as long as the check took, by the report's own latency.
      expect(Math.round(ms(check?.duration ?? [0, 0]))).toBe(check?.attributes['edge_health.check.latency_ms']);
    }
    expect(db?.attributes['edge_health.check.latency_ms']).toBeGreaterThanOrEqual(25);
    expect(JSON.stringify(spans.map((span) => [span.attributes, span.status]))).not.toContain('10.0.0.7');
  });

  it('marks a cache hit on the readiness span and records no check span for it', async () => {
    const { exporter, provider } = tracing();
    const health = createHealth({ checks, lifecycle: ready(), cacheMs: 60_000, onReadiness: readinessTracing({ tracer: provider.getTracer('test') }) });
    await health.ready(new Request('http://svc/health/ready'));
    exporter.reset();
    await health.ready(new Request('http://svc/health/ready'));
    const spans = exporter.getFinishedSpans();
    expect(spans.map((span) => span.name)).toEqual(['edge-health.readiness']);
    expect(spans[0]?.attributes).toMatchObject({ 'edge_health.cache_hit': true });
    expect(spans[0]?.attributes['edge_health.result_age_ms']).toBeGreaterThanOrEqual(0);
  });

  it('marks an unhealthy run as an error', async () => {
    const { exporter, provider } = tracing();
    const down = [defineCheck({ name: 'db', run: () => ({ status: 'unhealthy', reason: 'timeout' }) })];
    const health = createHealth({ checks: down, lifecycle: ready(), onReadiness: readinessTracing({ tracer: provider.getTracer('test') }) });
    expect((await health.ready(new Request('http://svc/health/ready'))).status).toBe(503);
    expect(byName(exporter.getFinishedSpans(), 'edge-health.readiness')?.status).toEqual({ code: 2, message: 'critical dependency unhealthy: db' });
  });

  it('uses the global tracer provider once an SDK registers one, and does nothing before', async () => {
    const { exporter, provider } = tracing();
    const health = createHealth({ checks, lifecycle: ready(), onReadiness: readinessTracing() });
    expect((await health.ready(new Request('http://svc/health/ready'))).status).toBe(200);
    expect(exporter.getFinishedSpans()).toEqual([]);
    trace.setGlobalTracerProvider(provider);
    await health.ready(new Request('http://svc/health/ready'));
    expect(exporter.getFinishedSpans()).toHaveLength(3);
  });
});
