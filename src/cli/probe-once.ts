import { readAnswer, unreachable, type ProbeOutcome } from './probe-outcome.ts';

export interface ProbeRequest {
  url: URL;
  token?: string;
  timeoutMs: number;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
}

/** One GET of the endpoint under a deadline; never rejects. */
export async function probeOnce({ url, token, timeoutMs, fetch: doFetch = fetch }: ProbeRequest): Promise<ProbeOutcome> {
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  const headers: Record<string, string> = { Accept: 'application/json', 'User-Agent': 'edge-health-probe' };
  if (token !== undefined) headers.Authorization = `Bearer ${token}`;
  try {
    const response = await doFetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
    return readAnswer(response.status, await response.text(), elapsed());
  } catch (error) {
    return unreachable(error, timeoutMs, elapsed());
  }
}
