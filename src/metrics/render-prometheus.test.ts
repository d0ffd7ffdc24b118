import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROTATION_TOKEN, type IsolateFacts } from '../core/index.ts';
import { HealthMetrics } from './health-metrics.ts';
import { renderLabels, renderPrometheus, type MetricsSnapshot } from './render-prometheus.ts';

const isolate: IsolateFacts = {
  id: 'iso-1',
  state: 'ready',
  cold_start: false,
  started_at: '2026-12-01T10:00:00.000Z',
  uptime_ms: 5000,
  requests: 7,
  in_flight: 1,
  platform: 'node',
};

function snapshot(): MetricsSnapshot {
  const metrics = new HealthMetrics();
  metrics.observe({ reports: [{ name: 'db', category: 'critical', status: 'healthy', latencyMs: 12 }], startedAt: 1_764_583_200_000, durationMs: 12 });
  metrics.observe({ reports: [{ name: 'db', category: 'critical', status: 'unhealthy', latencyMs: 2000, reason: 'timeout' }], startedAt: 1_764_583_210_000, durationMs: 2000 });
  metrics.observe({ reports: [{ name: 'db', category: 'critical', status: 'unhealthy', latencyMs: 2000 }], startedAt: 1_764_583_213_000, durationMs: 0, ageMs: 1000 });
  return { checks: metrics.checks(), runs: metrics.runs, cacheHits: metrics.cacheHits, callsSaved: metrics.callsSaved, isolate, version: '1.4.0' };
}

/** Debian's `prometheus` package: `promtool check metrics` parses and lints the exposition format. */
function promtool(text: string): { status: number | null; output: string } {
  const result = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
  if (result.error) throw new Error(`promtool is missing (apt-get install prometheus): ${result.error.message}`);
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('renderPrometheus', () => {
  it('writes per-check up, latency, last success, last change and transitions, labelled with the isolate', () => {
    const text = renderPrometheus(snapshot());
    expect(text).toContain('# TYPE edge_health_check_up gauge\nedge_health_check_up{check="db",category="critical",isolate="iso-1"} 0\n');
    expect(text).toContain('edge_health_check_status{check="db",status="unhealthy",isolate="iso-1"} 1\n');
    expect(text).toContain('edge_health_check_latency_seconds{check="db",category="critical",isolate="iso-1"} 2\n');
    expect(text).toContain('edge_health_check_last_success_timestamp_seconds{check="db",category="critical",isolate="iso-1"} 1764583200.012\n');
    expect(text).toContain('edge_health_check_last_change_timestamp_seconds{check="db",category="critical",isolate="iso-1"} 1764583212\n');
    expect(text).toContain('# TYPE edge_health_check_transitions_total counter\nedge_health_check_transitions_total{check="db",category="critical",isolate="iso-1"} 1\n');
  });

  it('writes the cache counters, the lifecycle state and the isolate\'s facts', () => {
    const text = renderPrometheus(snapshot());
    expect(text).toContain('edge_health_readiness_runs_total{isolate="iso-1"} 2\n');
    expect(text).toContain('edge_health_cache_hits_total{isolate="iso-1"} 1\n');
    expect(text).toContain('edge_health_dependency_calls_saved_total{isolate="iso-1"} 1\n');
    expect(text).toContain('edge_health_lifecycle_state{state="ready",isolate="iso-1"} 1\n');
    expect(text).toContain('edge_health_lifecycle_state{state="draining",isolate="iso-1"} 0\n');
    expect(text).toContain('edge_health_isolate_start_timestamp_seconds{isolate="iso-1"} 1796119200\n');
    expect(text).toContain('edge_health_info{version="1.4.0",platform="node",isolate="iso-1"} 1\n');
  });

  it('never carries the in-rotation token, even in a version label that spells it: a scrape is a 200 whatever the health', () => {
    const text = renderPrometheus({ ...snapshot(), version: `1.4.0-${ROTATION_TOKEN.toLowerCase()}` });
    expect(text.toUpperCase()).not.toContain(ROTATION_TOKEN);
    expect(text).toContain('edge_health_info{version="1.4.0-[rotation-token]",platform="node",isolate="iso-1"} 1\n');
    expect(promtool(text).status).toBe(0);
  });

  it('leaves out per-check families until a check has run, and a last success that never happened', () => {
    const text = renderPrometheus({ ...snapshot(), checks: [] });
    expect(text).not.toContain('edge_health_check_');
    const failing = renderPrometheus({ ...snapshot(), checks: [{ name: 'db', category: 'critical', status: 'unhealthy', latencyMs: 1, lastRunAt: 1000, lastChangeAt: 1000, transitions: 0, runs: 1 }] });
    expect(failing).not.toContain('edge_health_check_last_success_timestamp_seconds');
  });

  it.each<[Record<string, string>, string]>([
    [{}, ''],
    [{ a: 'plain' }, '{a="plain"}'],
    [{ a: 'back\\slash' }, '{a="back\\\\slash"}'],
    [{ a: 'say "hi"' }, '{a="say \\"hi\\""}'],
    [{ a: 'two\nlines', b: 'x' }, '{a="two\\nlines",b="x"}'],
  ])('escapes label values: %j', (labels, expected) => {
    expect(renderLabels(labels)).toBe(expected);
  });

  it('passes promtool check metrics (parser and linter), before and after checks have run', () => {
    for (const text of [renderPrometheus(snapshot()), renderPrometheus({ ...snapshot(), checks: [] })]) {
      const result = promtool(text);
      expect(result.output).toBe('');
      expect(result.status).toBe(0);
    }
  });

  it('is caught by promtool when the format is broken (the validator really validates)', () => {
    const broken = renderPrometheus(snapshot()).replace('edge_health_cache_hits_total{isolate="iso-1"} 1', 'edge_health_cache_hits_total{isolate="iso-1} 1');
    expect(promtool(broken).status).not.toBe(0);
  });
});
