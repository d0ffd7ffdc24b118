/**
 * Workers served by workerd on Miniflare's own socket (never `wrangler dev`'s
 * proxy), each in its own workerd process pinned to the server core, so its
 * CPU time can be read like a Node server's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { convertV4MiniflareOptions, Miniflare } from 'miniflare';
import { pinPid, SERVER_CORE } from './measure.ts';

export const COMPATIBILITY_DATE = '2026-10-20';

export interface ServedWorker {
  url: string;
  /** The workerd process serving it. */
  pid: number;
  dispose(): Promise<void>;
}

function workerdPids(): Set<number> {
  const pids = new Set<number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (comm === 'workerd' && ppid === process.pid) pids.add(Number(entry));
    } catch {
      // The process ended while we read the list.
    }
  }
  return pids;
}

/** `inspectorPort` opens workerd's V8 inspector there (Miniflare's proxy: one target per Worker, ours `core:user:`). */
export function miniflareFor(scriptPath: string, bindings: Record<string, string> = {}, port?: number, inspectorPort?: number): Miniflare {
  return new Miniflare(
    convertV4MiniflareOptions({
      modules: true,
      scriptPath,
      compatibilityDate: COMPATIBILITY_DATE,
      // As wrangler.toml: the deployable Worker imports Node built-ins.
      compatibilityFlags: ['nodejs_compat'],
      bindings,
      ...(port === undefined ? {} : { port, host: '127.0.0.1' }),
      ...(inspectorPort === undefined ? {} : { inspectorPort }),
    }),
  );
}

export async function serveWorker(scriptPath: string, bindings: Record<string, string> = {}, inspectorPort?: number): Promise<ServedWorker> {
  const before = workerdPids();
  const mf = miniflareFor(scriptPath, bindings, 0, inspectorPort);
  const url = (await mf.ready).href.replace(/\/$/, '');
  const pid = [...workerdPids()].find((candidate) => !before.has(candidate));
  if (pid === undefined) throw new Error('Could not find the workerd process Miniflare started.');
  pinPid(pid, SERVER_CORE);
  return { url, pid, dispose: () => mf.dispose() };
}
