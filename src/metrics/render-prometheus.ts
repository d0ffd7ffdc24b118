import { withoutRotationToken, type IsolateFacts, type LifecycleState } from '../core/index.ts';
import type { CheckHistory } from './health-metrics.ts';

/** Everything one scrape shows. */
export interface MetricsSnapshot {
  checks: readonly CheckHistory[];
  runs: number;
  cacheHits: number;
  callsSaved: number;
  isolate: IsolateFacts;
  version: string;
}

type Labels = Readonly<Record<string, string>>;
type Sample = [labels: Labels, value: number];

interface Family {
  name: string;
  type: 'gauge' | 'counter';
  help: string;
  samples: readonly Sample[];
}

const STATES: readonly LifecycleState[] = ['starting', 'ready', 'draining', 'stopped', 'failed'];

/**
 * The Prometheus text exposition format (0.0.4). Every sample carries the
 * `isolate` label: these are one isolate's numbers, and on Workers a scrape
 * lands in whichever isolate serves it. A scrape is a 200 whatever the health,
 * so it never carries the in-rotation token, not even in a version label.
 */
export function renderPrometheus(snapshot: MetricsSnapshot): string {
  const text = families(snapshot)
    .filter((family) => family.samples.length > 0)
    .map((family) => renderFamily(family, { isolate: snapshot.isolate.id }))
    .join('');
  return withoutRotationToken(text);
}

function families({ checks, runs, cacheHits, callsSaved, isolate, version }: MetricsSnapshot): Family[] {
  const perCheck = (pick: (check: CheckHistory) => number | undefined): Sample[] =>
    checks.flatMap((check) => {
      const value = pick(check);
      return value === undefined ? [] : [[{ check: check.name, category: check.category }, value] as Sample];
    });
  const seconds = (ms: number | undefined): number | undefined => (ms === undefined ? undefined : ms / 1000);
  return [
    { name: 'edge_health_check_up', type: 'gauge', help: 'Whether the check\'s latest result was healthy or degraded (1) or unhealthy (0).', samples: perCheck((check) => (check.status === 'unhealthy' ? 0 : 1)) },
    {
      name: 'edge_health_check_status',
      type: 'gauge',
      help: 'The check\'s latest status, one sample per possible status (1 for the current one).',
      samples: checks.flatMap((check) => (['healthy', 'degraded', 'unhealthy'] as const).map((status): Sample => [{ check: check.name, status }, check.status === status ? 1 : 0])),
    },
    { name: 'edge_health_check_latency_seconds', type: 'gauge', help: 'The check\'s latest latency.', samples: perCheck((check) => check.latencyMs / 1000) },
    { name: 'edge_health_check_last_run_timestamp_seconds', type: 'gauge', help: 'When the check\'s latest result was produced (Unix time).', samples: perCheck((check) => seconds(check.lastRunAt)) },
    { name: 'edge_health_check_last_success_timestamp_seconds', type: 'gauge', help: 'When the check was last healthy (Unix time); absent if never.', samples: perCheck((check) => seconds(check.lastSuccessAt)) },
    { name: 'edge_health_check_last_change_timestamp_seconds', type: 'gauge', help: 'When the check last changed status (Unix time).', samples: perCheck((check) => seconds(check.lastChangeAt)) },
    { name: 'edge_health_check_transitions_total', type: 'counter', help: 'Changes of the check\'s status seen by this isolate.', samples: perCheck((check) => check.transitions) },
    { name: 'edge_health_check_runs_total', type: 'counter', help: 'Fresh runs of the check (cache hits excluded).', samples: perCheck((check) => check.runs) },
    { name: 'edge_health_readiness_runs_total', type: 'counter', help: 'Readiness answers that ran their checks.', samples: [[{}, runs]] },
    { name: 'edge_health_cache_hits_total', type: 'counter', help: 'Readiness answers served from the result cache.', samples: [[{}, cacheHits]] },
    { name: 'edge_health_dependency_calls_saved_total', type: 'counter', help: 'Dependency checks the result cache did not have to run.', samples: [[{}, callsSaved]] },
    { name: 'edge_health_lifecycle_state', type: 'gauge', help: 'The isolate\'s lifecycle state (1 for the current one).', samples: STATES.map((state): Sample => [{ state }, isolate.state === state ? 1 : 0]) },
    { name: 'edge_health_isolate_start_timestamp_seconds', type: 'gauge', help: 'When this isolate served its first request (Unix time).', samples: [[{}, Date.parse(isolate.started_at) / 1000]] },
    { name: 'edge_health_isolate_requests_total', type: 'counter', help: 'Requests this isolate has served.', samples: [[{}, isolate.requests]] },
    { name: 'edge_health_isolate_in_flight_requests', type: 'gauge', help: 'Requests in flight in this isolate.', samples: [[{}, isolate.in_flight]] },
    { name: 'edge_health_info', type: 'gauge', help: 'The service version and the platform, as labels.', samples: [[{ version, platform: isolate.platform ?? 'unknown' }, 1]] },
  ];
}

function renderFamily(family: Family, common: Labels): string {
  const lines = [`# HELP ${family.name} ${family.help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`, `# TYPE ${family.name} ${family.type}`];
  for (const [labels, value] of family.samples) lines.push(`${family.name}${renderLabels({ ...labels, ...common })} ${formatValue(value)}`);
  return `${lines.join('\n')}\n`;
}

/** Label values escaped as the format requires: backslash, double quote, line feed. */
export function renderLabels(labels: Labels): string {
  const pairs = Object.entries(labels).map(([key, value]) => `${key}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`);
  return pairs.length === 0 ? '' : `{${pairs.join(',')}}`;
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  return String(value);
}
