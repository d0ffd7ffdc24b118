import { describe, expect, it } from 'vitest';
import { FlapDamper } from './flap-damper.ts';
import type { CheckReport, CheckStatus } from './types.ts';

const report = (status: CheckStatus): CheckReport => ({
  name: 'db',
  category: 'critical',
  status,
  latencyMs: 5,
  ...(status === 'healthy' ? {} : { reason: 'timeout' as const }),
});

/** Feeds raw statuses through a damper and lists what it reports (a `*` marks a held verdict). */
function reported(raw: CheckStatus[], options: { failures?: number; successes?: number }): string[] {
  const damper = new FlapDamper(options);
  return raw.map((status) => {
    const [out] = damper.damp([report(status)]);
    return `${out?.status}${out?.damping ? '*' : ''}`;
  });
}

describe('FlapDamper', () => {
  it.each([
    ['no damping passes every verdict through', ['healthy', 'unhealthy', 'healthy'], {}, ['healthy', 'unhealthy', 'healthy']],
    [
      'an up check stays up until 3 failures in a row',
      ['healthy', 'unhealthy', 'unhealthy', 'healthy', 'unhealthy', 'unhealthy', 'unhealthy'],
      { failures: 3 },
      ['healthy', 'healthy*', 'healthy*', 'healthy', 'healthy*', 'healthy*', 'unhealthy'],
    ],
    [
      'a down check stays down until 2 successes in a row',
      ['healthy', 'unhealthy', 'healthy', 'unhealthy', 'healthy', 'degraded'],
      { successes: 2 },
      ['healthy', 'unhealthy', 'unhealthy*', 'unhealthy', 'unhealthy*', 'degraded'],
    ],
    [
      'a check never seen to succeed is down at its first failure, however lenient the damping',
      ['unhealthy', 'unhealthy'],
      { failures: 5 },
      ['unhealthy', 'unhealthy'],
    ],
  ] as const)('%s', (_label, raw, options, expected) => {
    expect(reported([...raw], options)).toEqual(expected);
  });

  it('says what the check really said and how far along the window is', () => {
    const damper = new FlapDamper({ failures: 3 });
    damper.damp([report('healthy')]);
    const [held] = damper.damp([report('unhealthy')]);
    expect(held).toMatchObject({ status: 'healthy', damping: { raw: 'unhealthy', streak: 1, threshold: 3 } });
    expect(held?.reason).toBeUndefined();
  });
});
