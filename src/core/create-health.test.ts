import { describe, expect, it } from 'vitest';
import { createHealth } from './create-health.ts';
import { defineCheck } from './define-check.ts';

const request = (path: string): Request => new Request(`http://svc${path}`);

describe('createHealth result cache', () => {
  it('runs the checks once per cacheMs for a selection, and says how old a reused answer is', async () => {
    let runs = 0;
    const check = defineCheck({ name: 'db', run: () => ((runs += 1), { status: 'healthy' }) });
    const other = defineCheck({ name: 'api', run: () => ({ status: 'healthy' }) });
    const health = createHealth({ checks: [check, other], cacheMs: 150 });

    const first = await health.ready(request('/health/ready'));
    expect(first.headers.get('age')).toBeNull();
    const second = await health.ready(request('/health/ready'));
    expect(second.headers.get('age')).toBe('0');
    expect(runs).toBe(1);
    expect(await second.json()).toMatchObject({ status: 'healthy', dependencies: [{ name: 'db' }, { name: 'api' }] });

    // Another selection is another entry.
    await health.ready(request('/health/ready?exclude=api'));
    expect(runs).toBe(2);

    await new Promise((resolve) => setTimeout(resolve, 170));
    const third = await health.ready(request('/health/ready'));
    expect(third.headers.get('age')).toBeNull();
    expect(runs).toBe(3);
  });

  it('runs the checks on every request by default', async () => {
    let runs = 0;
    const health = createHealth({ checks: [defineCheck({ name: 'db', run: () => ((runs += 1), { status: 'healthy' }) })] });
    await health.ready(request('/health/ready'));
    await health.ready(request('/health/ready'));
    expect(runs).toBe(2);
  });
});
