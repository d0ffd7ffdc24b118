import { runChecks, type CheckReport, type CheckRunner } from '../../core/index.ts';

/**
 * Cloudflare's limit, in its docs' words: "Each Worker invocation can have up
 * to six connections simultaneously waiting for response headers"; a seventh
 * is queued until one of them gets its headers (fetch, KV, Cache, R2, Queues,
 * `connect()`; Durable Objects have the same limit). Local workerd does not
 * enforce it.
 */
export const WORKERS_CONNECTION_LIMIT = 6;

/**
 * The reports of one run, with a note on each timed-out check when the run
 * had more checks than Workers lets wait for headers at once: such a check
 * may have spent its deadline in Workers' queue, not at the dependency.
 * Why every check counts: a check's I/O is not visible from outside it, and
 * the note only says "may".
 */
export function noteConnectionQueue(reports: readonly CheckReport[], limit = WORKERS_CONNECTION_LIMIT): CheckReport[] {
  if (reports.length <= limit) return [...reports];
  const note = `${reports.length} checks shared Workers' ${limit} simultaneous connections — may have waited in the queue`;
  return reports.map((report) => (report.reason === 'timeout' ? { ...report, message: `${report.message ?? 'timed out'}; ${note}` } : report));
}

/**
 * A runner that adds {@link noteConnectionQueue}'s note to its reports: for
 * whatever runs the checks on Workers (an isolate, or the Durable Object owner).
 */
export function withConnectionQueueNote(runner: CheckRunner = runChecks): CheckRunner {
  return async (checks, signal, onReport) => noteConnectionQueue(await runner(checks, signal, onReport));
}
