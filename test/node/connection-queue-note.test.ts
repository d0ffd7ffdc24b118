import { describe, expect, inject, it } from 'vitest';
import { startIsolates } from '../support/miniflare-isolates.ts';

const fixtures = inject('fixtures');

/** Six checks that answer, and one whose server never does, with a short deadline. */
const SEVEN_CHECKS = JSON.stringify([
  ...Array.from({ length: 6 }, (_, i) => ({ name: `api-${i}`, url: `${fixtures.http}/ok` })),
  { name: 'silent', url: fixtures.silent, timeout_ms: 300 },
]);

describe("the deployable Worker says when a timed-out check may have waited in Workers' connection queue (workerd)", () => {
  it.each(['none', 'durable-object'])('with HEALTH_SHARE=%s, seven checks: the timed-out one carries the note, the others are untouched', async (share) => {
    const isolates = await startIsolates({ count: 1, bindings: { HEALTH_SHARE: share, HEALTH_HTTP_CHECKS: SEVEN_CHECKS } });
    try {
      const response = await isolates.fetch(0, '/health/ready');
      const body = (await response.json()) as { dependencies: { name: string; reason?: string; message?: string }[] };
      expect(response.status).toBe(503);
      const silent = body.dependencies.find((d) => d.name === 'silent');
      expect(silent?.reason).toBe('timeout');
      expect(silent?.message).toMatch(/; 7 checks shared Workers' 6 simultaneous connections — may have waited in the queue$/);
      expect(body.dependencies.filter((d) => d.message?.includes('queue'))).toHaveLength(1);
    } finally {
      await isolates.stop();
    }
  });
});
