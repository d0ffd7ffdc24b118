import { startTcpFaults, type TcpFaults } from '../../../local/fault-proxy/index.ts';
import type { TestStack } from '../../stack-setup.ts';

/** Every check's deadline in the matrix: short, so the whole matrix stays quick. */
export const CHECK_TIMEOUT_MS = 300;

export type Dependency = 'postgres' | 'redis' | 'api';
export const DEPENDENCIES: Dependency[] = ['postgres', 'redis', 'api'];

/** What one dependency should answer under one fault: healthy, or its status and reason. */
export type Expected = 'healthy' | { reason: string };

export interface Fault {
  name: string;
  /** Where each dependency is reached under this fault, given its fault server's url and a closed port. */
  at(faults: string, closedPort: number): string;
  expected: Record<Dependency, Expected>;
  /** A deadline of its own, where the fault is meant to fit inside one. @default CHECK_TIMEOUT_MS */
  timeoutMs?: number;
}

const all = (expected: Expected): Record<Dependency, Expected> => ({ postgres: expected, redis: expected, api: expected });

/**
 * The TCP-level faults, and what each dependency's check should say. Where the HTTP
 * status arrives before the fault (a reset or trickle in the body), the API check is
 * healthy: it never reads a body it was not asked to match.
 */
export const FAULTS: Fault[] = [
  // Why a longer deadline: two connections and a gateway round trip besides the 100 ms, on a loaded machine.
  { name: 'latency under the deadline', at: (faults) => `${faults}/latency/100`, expected: all('healthy'), timeoutMs: 3000 },
  { name: 'latency past the deadline', at: (faults) => `${faults}/latency/2000`, expected: all({ reason: 'timeout' }) },
  { name: 'accept and never answer', at: (faults) => `${faults}/hang`, expected: all({ reason: 'timeout' }) },
  {
    name: 'a reset mid-response',
    at: (faults) => `${faults}/reset`,
    expected: { postgres: { reason: 'network' }, redis: { reason: 'network' }, api: 'healthy' },
  },
  // Why network for these three: workerd cannot tell them apart, so no runtime does (README, reasons).
  { name: 'a refused connection', at: (_, closedPort) => `http://127.0.0.1:${closedPort}`, expected: all({ reason: 'network' }) },
  { name: 'a DNS failure', at: () => 'http://x.invalid', expected: all({ reason: 'network' }) },
  {
    name: 'a 5xx',
    at: (faults) => `${faults}/status/503`,
    expected: { postgres: { reason: 'http_status' }, redis: { reason: 'unexpected_response' }, api: { reason: 'http_status' } },
  },
  {
    name: 'a malformed body',
    at: (faults) => `${faults}/malformed`,
    expected: { postgres: { reason: 'protocol' }, redis: { reason: 'protocol' }, api: 'healthy' },
  },
  {
    name: 'a trickled body',
    at: (faults) => `${faults}/trickle/100`,
    expected: { postgres: { reason: 'timeout' }, redis: { reason: 'timeout' }, api: 'healthy' },
  },
  { name: 'TLS to a plain port', at: (faults) => `${faults.replace('http:', 'https:')}/tls`, expected: all({ reason: 'network' }) },
];

/** One fault server per dependency, each in front of that dependency's real gateway or API. */
export async function startFaultServers(stack: TestStack, api: string): Promise<Record<Dependency, TcpFaults>> {
  const [postgres, redis, external] = await Promise.all([
    startTcpFaults(new URL(stack.neonEndpoint).origin),
    startTcpFaults(stack.upstashUrl),
    startTcpFaults(api),
  ]);
  return { postgres, redis, api: external };
}

/** The deployment's configuration under one fault: every dependency behind its fault server. */
export function faultEnv(stack: TestStack, fault: Fault, servers: Record<Dependency, TcpFaults>, closedPort: number): Record<string, string> {
  const timeoutMs = fault.timeoutMs ?? CHECK_TIMEOUT_MS;
  const timeout = String(timeoutMs);
  return {
    HEALTH_VERSION: 'faults-1',
    DATABASE_URL: stack.databaseUrl,
    NEON_FETCH_ENDPOINT: `${fault.at(servers.postgres.url, closedPort)}${new URL(stack.neonEndpoint).pathname}`,
    POSTGRES_CHECK_TIMEOUT_MS: timeout,
    UPSTASH_REDIS_REST_URL: fault.at(servers.redis.url, closedPort),
    UPSTASH_REDIS_REST_TOKEN: stack.upstashToken,
    REDIS_CHECK_TIMEOUT_MS: timeout,
    HEALTH_HTTP_CHECKS: JSON.stringify([{ name: 'api', url: `${fault.at(servers.api.url, closedPort)}/ok`, timeout_ms: timeoutMs }]),
  };
}
