import type { CheckReport, StoredRun } from '../../core/index.ts';

/** A stored run read back from JSON, or undefined when the value is not one (a foreign or damaged entry). */
export function storedRunFrom(value: unknown): StoredRun | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { at, reports } = value as { at?: unknown; reports?: unknown };
  if (typeof at !== 'number' || !Array.isArray(reports)) return undefined;
  const valid = reports.every((report: unknown) => typeof report === 'object' && report !== null && typeof (report as CheckReport).name === 'string');
  return valid ? { at, reports: reports as CheckReport[] } : undefined;
}
