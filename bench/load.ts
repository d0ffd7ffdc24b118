/** A bounded closed-loop load generator: `concurrency` workers send requests for `durationMs`. */
export interface LoadResult {
  requests: number;
  errors: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

export async function load(send: () => Promise<Response>, options: { durationMs: number; concurrency: number }): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + options.durationMs;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (performance.now() < until) {
      const t0 = performance.now();
      try {
        const response = await send();
        await response.arrayBuffer();
        if (response.status >= 500) errors += 1;
      } catch {
        errors += 1;
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const elapsed = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const at = (q: number): number => Number((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0).toFixed(2));
  return {
    requests: latencies.length,
    errors,
    perSecond: Math.round((latencies.length / elapsed) * 1000),
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
  };
}
