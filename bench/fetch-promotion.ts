/**
 * What one outbound `fetch` leaves for the old generation, without our code: a loop of
 * fetches (50 at a time) to a local server that answers `ok`, the body read, with no
 * signal, an AbortController's signal, or `AbortSignal.timeout`. The loop runs in a child
 * process under `--trace-gc-nvp`; prints bytes promoted per fetch.
 * `node bench/fetch-promotion.ts` (Node ≥ 22.18 strips the types; `FETCHES`, default 60,000).
 */
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promotionBetween } from './gc-trace.ts';

const FETCHES = Number(process.env.FETCHES ?? 60_000);
const IN_FLIGHT = 50;
const MODES = ['no signal', 'AbortController signal', 'AbortSignal.timeout(1000)'] as const;

function signalFor(mode: string): AbortSignal | null {
  if (mode === 'AbortController signal') return new AbortController().signal;
  return mode === 'AbortSignal.timeout(1000)' ? AbortSignal.timeout(1000) : null;
}

async function loop(mode: string): Promise<void> {
  const server = createServer((_request, response) => response.writeHead(200).end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ok`;
  const run = (count: number): Promise<unknown> =>
    Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
      for (let i = 0; i < count / IN_FLIGHT; i += 1) await (await fetch(url, { signal: signalFor(mode) })).arrayBuffer();
    }));
  await run(2_000);
  console.log('fetch-promotion: start');
  await run(FETCHES);
  console.log('fetch-promotion: end');
  server.close();
}

if (process.argv[2] === 'child') {
  await loop(process.argv[3] ?? '');
} else {
  for (const mode of MODES) {
    const output = execFileSync(process.execPath, ['--trace-gc-nvp', new URL(import.meta.url).pathname, 'child', mode], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const { promoted, scavenges, markCompacts } = promotionBetween(output, (line) => line === 'fetch-promotion: start', (line) => line === 'fetch-promotion: end');
    console.log(`${mode}: ${(promoted / FETCHES).toFixed(0)} B promoted per fetch (${scavenges} scavenges, ${markCompacts} mark-compacts over ${FETCHES.toLocaleString('en')} fetches)`);
  }
}
