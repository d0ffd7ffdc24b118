/**
 * The baseline for the workerd soak's memory figures: the same load (default
 * 50,000 liveness-like probes at 200 in flight) against a Worker that only
 * returns a constant JSON body, in the same Miniflare and workerd. What its RSS
 * does is workerd's and Miniflare's own; what ours does beyond it is ours.
 * `node --import tsx bench/soak-bare-worker.ts` (`SOAK_PROBES`, `SOAK_CONCURRENCY`).
 */
import { convertV4MiniflareOptions, Miniflare } from 'miniflare';
import { soak, workerdPid } from './soak-probes.ts';

const script = `export default { async fetch() { return new Response('{"status":"pass"}', { headers: { 'content-type': 'application/json' } }); } };`;
const mf = new Miniflare(
  convertV4MiniflareOptions({ modules: true, script, compatibilityDate: '2026-10-20', host: '127.0.0.1', port: 0 }),
);
try {
  const { origin } = await mf.ready;
  const result = await soak({
    origin,
    probes: Number(process.env.SOAK_PROBES ?? 50_000),
    concurrency: Number(process.env.SOAK_CONCURRENCY ?? 200),
    paths: ['/'],
    deadline: { path: '/', everyMs: 250 },
    pid: workerdPid(),
  });
  console.log(`bare Worker: ${result.probes} probes, ${result.errors} errors, ${result.perSecond}/s, p50 ${result.p50} ms, p99 ${result.p99} ms`);
  console.log(`bare Worker: RSS after warm-up ${result.rssBefore} MiB, at each tenth: ${result.rssSamples.join(', ')}`);
} finally {
  await mf.dispose();
}
