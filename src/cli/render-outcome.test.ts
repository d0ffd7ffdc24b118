import { describe, expect, it } from 'vitest';
import { ansi, plain } from './paint.ts';
import { readAnswer, unreachable } from './probe-outcome.ts';
import { renderOutcome } from './render-outcome.ts';

const url = new URL('http://127.0.0.1:8787/health/ready');
const degraded = readAnswer(
  200,
  JSON.stringify({
    status: 'degraded',
    version: '1.4.0',
    message: 'degraded: cache',
    dependencies: [
      { name: 'postgres', status: 'healthy', category: 'critical', latency_ms: 12 },
      { name: 'cache', status: 'unhealthy', category: 'non-critical', latency_ms: 2001, reason: 'timeout', message: 'no answer within 2000 ms' },
    ],
  }),
  40,
);

describe('renderOutcome', () => {
  it('prints the verdict, then an aligned row per dependency with icon, word, category, latency and reason', () => {
    expect(renderOutcome(url, degraded, plain)).toBe(
      [
        'edge-health http://127.0.0.1:8787/health/ready',
        'status   ! degraded (HTTP 200, 40 ms)',
        'message  degraded: cache',
        'version  1.4.0',
        '',
        'CHECK     STATUS       CATEGORY      LATENCY  REASON',
        'postgres  ✓ healthy    critical        12 ms',
        'cache     ✗ unhealthy  non-critical  2001 ms  timeout: no answer within 2000 ms',
        '',
      ].join('\n'),
    );
  });

  it('says why an endpoint is unreachable', () => {
    const text = renderOutcome(url, unreachable(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }), 1000, 2), plain);
    expect(text).toContain('status   ✗ unreachable\n');
    expect(text).toContain('error    connection refused');
  });

  it('colours statuses only through the paint it is given, keeping the columns aligned', () => {
    const coloured = renderOutcome(url, degraded, ansi);
    expect(coloured).toContain('\u001b[31m✗ unhealthy\u001b[39m');
    // eslint-disable-next-line no-control-regex
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(renderOutcome(url, degraded, plain));
  });
});
