/**
 * Whether our own code keeps anything per request: the soak's app (createAppFromEnv,
 * the Node platform, its real API check) called in process, 200 callers at a time,
 * with the JS heap measured after a full GC at each 20,000 requests. A flat line is
 * no leak of ours, whatever a server process's RSS does around it.
 * `node --expose-gc --import tsx bench/soak-heap.ts` (`SOAK_PROBES`, default 160,000).
 */
import { createAppFromEnv } from '../src/config/index.ts';
import { startHttpFixtures } from '../test/support/http-fixtures.ts';
import { SOAK_PATHS, soakEnv } from './soak-deployments.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const ROUND = 20_000;
const CALLERS = 200;
const rounds = Math.max(1, Math.round(Number(process.env.SOAK_PROBES ?? 160_000) / ROUND));
const fixtures = await startHttpFixtures();
try {
  const app = createAppFromEnv(soakEnv(fixtures.http, fixtures.silent), { platform: 'node' });
  let sent = 0;
  const heaps: string[] = [];
  for (let round = 0; round < rounds; round += 1) {
    await Promise.all(
      Array.from({ length: CALLERS }, async () => {
        for (let i = 0; i < ROUND / CALLERS; i += 1) {
          const response = await app.fetch(new Request(`http://soak.test${SOAK_PATHS[sent++ % SOAK_PATHS.length]}`));
          await response.text();
        }
      }),
    );
    gc();
    heaps.push((process.memoryUsage().heapUsed / 1_048_576).toFixed(2));
  }
  console.log(`JS heap after a full GC at each ${ROUND.toLocaleString('en')} requests (MiB): ${heaps.join(', ')}`);
} finally {
  await fixtures.close();
}
