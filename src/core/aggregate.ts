import type { CheckReport, HealthVerdict } from './types.ts';

/**
 * The seed design's rule: any critical `unhealthy` → `unhealthy`/503; any
 * non-critical `unhealthy` or any `degraded` → `degraded`/200; else `healthy`/200.
 */
export function aggregate(reports: readonly CheckReport[]): HealthVerdict {
  const down = reports.filter((r) => r.status === 'unhealthy' && r.category === 'critical');
  if (down.length > 0) {
    return {
      status: 'unhealthy',
      httpStatus: 503,
      message: `critical ${down.length === 1 ? 'dependency' : 'dependencies'} unhealthy: ${names(down)}`,
    };
  }
  const impaired = reports.filter((r) => r.status !== 'healthy');
  if (impaired.length > 0) {
    return {
      status: 'degraded',
      httpStatus: 200,
      message: `degraded: ${names(impaired)}`,
    };
  }
  return { status: 'healthy', httpStatus: 200 };
}

const names = (reports: readonly CheckReport[]): string => reports.map((r) => r.name).join(', ');
