/**
 * Provokes the connection faults a check can meet (refused, reset, closed without
 * an answer, unknown DNS name, TLS to a plain port) with `fetch` in Node, Bun, Deno
 * and workerd (Miniflare), and prints the raw error each runtime throws: the shapes
 * `src/core/classify-error.test.ts` is built from.
 *
 * Run: `npx tsx scripts/record-fetch-errors.ts` (Node ≥ 22.12; `deno` and `bun` from npm; `openssl`).
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertV4MiniflareOptions, Miniflare } from 'miniflare';

// Plain JavaScript every runtime runs as-is: fetch one URL, describe what it throws.
const PROBE = `
const describe = (error, depth = 0) => {
  if (typeof error !== 'object' || error === null || depth > 4) return String(error);
  const out = { name: error.name, message: error.message };
  for (const key of ['code', 'errno', 'syscall']) if (error[key] !== undefined) out[key] = error[key];
  if (error.cause !== undefined) out.cause = describe(error.cause, depth + 1);
  return out;
};
const probe = async ([url, timeoutMs]) => {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
    return { answered: response.status };
  } catch (error) {
    return describe(error);
  }
};
const probeAll = async (urls) => {
  const out = {};
  for (const [fault, target] of Object.entries(urls)) out[fault] = await probe(target);
  return out;
};
`;

const listen = (server: Server): Promise<number> =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

type Targets = Record<string, [url: string, timeoutMs: number]>;

function selfSignedCertificate(dir: string): { key: string; cert: string } {
  const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
  return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
}

async function startFaults(dir: string): Promise<{ targets: Targets; close: () => void }> {
  // Clients abort or reset these connections on purpose: a socket error is expected, not a crash.
  const tcp = (onData?: (socket: Socket) => void): Server =>
    createTcpServer((socket) => {
      socket.on('error', () => {});
      if (onData) socket.once('data', () => onData(socket));
    });
  const silent = tcp();
  const untrusted = createHttpsServer(selfSignedCertificate(dir), (_request, response) => response.end('self-signed'));
  const reset = tcp((socket) => socket.resetAndDestroy());
  const eof = tcp((socket) => socket.end());
  const plain = createHttpServer((_request, response) => response.end('plain http'));
  const closed = createTcpServer();
  const servers = [reset, eof, plain, closed, silent, untrusted];
  const [resetPort, eofPort, plainPort, closedPort, silentPort, untrustedPort] = await Promise.all(servers.map(listen));
  await new Promise((resolve) => closed.close(resolve));
  return {
    targets: {
      refused: [`http://127.0.0.1:${closedPort}/`, 5000],
      reset: [`http://127.0.0.1:${resetPort}/`, 5000],
      closedWithoutAnswer: [`http://127.0.0.1:${eofPort}/`, 5000],
      dns: ['http://x.invalid/', 5000],
      tlsToPlainPort: [`https://127.0.0.1:${plainPort}/`, 5000],
      untrustedCertificate: [`https://127.0.0.1:${untrustedPort}/`, 5000],
      silentUntilDeadline: [`http://127.0.0.1:${silentPort}/`, 300],
    },
    close: () => servers.forEach((server) => server.close()),
  };
}

// Asynchronous on purpose: the fault servers live in this process's event loop.
async function runBinary(command: string[], targets: Targets, dir: string): Promise<unknown> {
  const file = join(dir, 'probe.mjs');
  writeFileSync(file, `${PROBE}\nconsole.log(JSON.stringify(await probeAll(${JSON.stringify(targets)})));\n`);
  const { stdout } = await promisify(execFile)('npx', [...command, file], { encoding: 'utf8', timeout: 60_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? 'null');
}

function wranglerCompatibilityDate(): string {
  const date = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(readFileSync(new URL('../wrangler.toml', import.meta.url), 'utf8'))?.[1];
  if (!date) throw new Error('wrangler.toml has no compatibility_date');
  return date;
}

async function runWorkerd(urls: Targets): Promise<unknown> {
  const script = `${PROBE}\nexport default { async fetch(request) { return Response.json(await probeAll(await request.json())); } };`;
  const mf = new Miniflare(convertV4MiniflareOptions({ modules: true, script, compatibilityDate: wranglerCompatibilityDate() }));
  try {
    const response = await mf.dispatchFetch('http://probe/', { method: 'POST', body: JSON.stringify(urls) });
    return await response.json();
  } finally {
    await mf.dispose();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'edge-health-probe-'));
const faults = await startFaults(dir);
try {
  const results = {
    node: await runBinary(['node'], faults.targets, dir),
    bun: await runBinary(['bun', 'run'], faults.targets, dir),
    deno: await runBinary(['deno', 'run', '--allow-net'], faults.targets, dir),
    workerd: await runWorkerd(faults.targets),
  };
  console.log(JSON.stringify(results, null, 2));
} finally {
  faults.close();
  rmSync(dir, { recursive: true, force: true });
}
