import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertV4MiniflareOptions, Miniflare } from 'miniflare';
import { bundleWorker, workerCompatibility } from './miniflare-worker.ts';


/** A Durable Object class that is bound but never answers: an owner out of reach. */
const UNREACHABLE_OWNER = `export class HealthOwner { fetch() { return new Promise(() => {}); } }
export default { fetch() { return new Response('unused'); } };`;

export interface IsolatesOptions {
  /** How many Worker instances (each its own isolate) serve `src/worker.ts`. */
  count: number;
  bindings: Record<string, string>;
  /** Whether the Cache API keeps anything (false: as on `*.workers.dev`). @default true */
  cacheAPI?: boolean;
  /** Bind `HEALTH_OWNER` to the real `HealthOwner` of the first instance, or to one that never answers. @default 'real' */
  owner?: 'real' | 'unreachable';
}

export interface RunningIsolates {
  /** Sends a request to instance `index`. */
  fetch(index: number, path: string): Promise<Response>;
  /** Fires instance `index`'s Cron Trigger (`scheduled`) and waits for it. */
  scheduled(index: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Several instances of `src/worker.ts` in one workerd (Miniflare directly),
 * each a separate isolate, sharing one Cache API and one Durable Object
 * namespace, as the isolates of one location of a deployment do.
 */
export async function startIsolates(options: IsolatesOptions): Promise<RunningIsolates> {
  const dir = mkdtempSync(join(tmpdir(), 'edge-health-isolates-'));
  const scriptPath = join(dir, 'worker.js');
  await bundleWorker(scriptPath);
  const ownerScript = options.owner === 'unreachable' ? 'unreachable-owner' : 'isolate-0';
  const names = Array.from({ length: options.count }, (_, i) => `isolate-${i}`);
  const workers = names.map((name) => ({
    name,
    modules: true,
    modulesRoot: dir,
    scriptPath,
    ...workerCompatibility,
    bindings: options.bindings,
    cacheAPI: options.cacheAPI ?? true,
    durableObjects: { HEALTH_OWNER: { className: 'HealthOwner', scriptName: ownerScript, useSQLite: true } },
  }));
  const unreachable = { name: 'unreachable-owner', modules: true, script: UNREACHABLE_OWNER, compatibilityDate: workerCompatibility.compatibilityDate, durableObjects: { OWNER: 'HealthOwner' } };
  const mf = new Miniflare(
    convertV4MiniflareOptions({ cf: { colo: 'TST' }, workers: options.owner === 'unreachable' ? [...workers, unreachable] : workers }),
  );
  await mf.ready;
  return {
    async fetch(index, path) {
      const worker = await mf.getWorker(names[index]);
      const response = await worker.fetch(`http://health.test${path}`);
      // Miniflare's Response comes from its own undici: rebuild it as this realm's.
      return new Response(await response.arrayBuffer(), { status: response.status, headers: [...response.headers] });
    },
    async scheduled(index) {
      const worker = await mf.getWorker(names[index]);
      await worker.scheduled({ cron: '* * * * *' });
    },
    async stop() {
      await mf.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
