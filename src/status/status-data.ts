import type { IsolateFacts } from '../core/index.ts';

/** What this isolate remembers of one check (fed by the readiness hook, e.g. `HealthMetrics`). */
export interface CheckMemory {
  /** When the latest result was produced (epoch ms). */
  lastRunAt: number;
  /** When the check last changed status (epoch ms). */
  lastChangeAt: number;
  lastSuccessAt?: number;
  transitions: number;
}

/** Where the page finds a check's history; absent, the page shows "not recorded". */
export type CheckMemoryLookup = (name: string) => CheckMemory | undefined;

/** One dependency as the page shows it: the readiness JSON's fields plus this isolate's memory. */
export interface StatusDependency {
  name: string;
  status: string;
  category: string;
  latency_ms: number;
  reason?: string;
  message?: string;
  result_age_ms?: number;
  last_changed_at?: string;
  last_success_at?: string;
  transitions?: number;
}

/** The status page's data: `GET <base>/status` with `Accept: application/json`. */
export interface StatusData {
  status: string;
  http_status: number;
  version?: string;
  message?: string;
  generated_at: string;
  /** Whether messages are shown: the request carried the details token (or none is needed). */
  details: boolean;
  dependencies: StatusDependency[];
  isolate?: IsolateFacts;
}

/** Joins a readiness answer (the seed JSON) with what this isolate remembers of each check. */
export function statusData(httpStatus: number, body: Record<string, unknown>, remember: CheckMemoryLookup | undefined, now: number, details: boolean): StatusData {
  const dependencies = (Array.isArray(body.dependencies) ? (body.dependencies as StatusDependency[]) : []).map((dependency) => withMemory(dependency, remember?.(dependency.name), now));
  const data: StatusData = {
    status: String(body.status ?? 'unknown'),
    http_status: httpStatus,
    generated_at: new Date(now).toISOString(),
    details,
    dependencies,
  };
  if (typeof body.version === 'string') data.version = body.version;
  if (typeof body.message === 'string') data.message = body.message;
  if (typeof body.isolate === 'object' && body.isolate !== null) data.isolate = body.isolate as IsolateFacts;
  return data;
}

function withMemory(dependency: StatusDependency, memory: CheckMemory | undefined, now: number): StatusDependency {
  const { name, status, category, latency_ms, reason, message } = dependency;
  const shown: StatusDependency = { name, status, category, latency_ms };
  if (reason !== undefined) shown.reason = reason;
  if (message !== undefined) shown.message = message;
  if (!memory) return shown;
  shown.result_age_ms = Math.max(0, now - memory.lastRunAt);
  shown.last_changed_at = new Date(memory.lastChangeAt).toISOString();
  if (memory.lastSuccessAt !== undefined) shown.last_success_at = new Date(memory.lastSuccessAt).toISOString();
  shown.transitions = memory.transitions;
  return shown;
}
