import { Miniflare, convertV4MiniflareOptions } from 'miniflare';
import { build } from 'esbuild';
import { startPostgres } from '../../postgres/index.ts';
import { startNeonGateway } from '../index.ts';
await build({ entryPoints: [new URL('./worker.ts', import.meta.url).pathname], bundle: true, format: 'esm', platform: 'neutral', conditions: ['workerd', 'worker', 'browser', 'import'], mainFields: ['module', 'main'], outfile: new URL('./worker.js', import.meta.url).pathname, external: ['node:*'] });
const pg = await startPostgres();
const gw = await startNeonGateway();
const mf = new Miniflare(convertV4MiniflareOptions({ modules: true, scriptPath: new URL('./worker.js', import.meta.url).pathname, compatibilityDate: '2026-10-20', compatibilityFlags: ['nodejs_compat'], bindings: { GATEWAY: gw.endpoint, DATABASE_URL: pg.url } }));
try {
  const res = await mf.dispatchFetch('http://localhost/');
  console.log(res.status, await res.text());
} finally { await mf.dispose(); await gw.close(); await pg.stop(); }
