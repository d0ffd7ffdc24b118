import { describe, expect, it } from 'vitest';
import { ROTATION_TOKEN } from '../core/index.ts';
import { renderBadge } from './render-badge.ts';

describe('renderBadge', () => {
  it.each<[string, string, string]>([
    ['healthy', 'health: healthy', '#116329'],
    ['degraded', 'health: degraded', '#7d4e00'],
    ['unhealthy', 'health: unhealthy', '#a40e26'],
    ['not_started', 'health: not started', '#4a5159'],
    ['draining', 'health: draining', '#4a5159'],
  ])('draws %s with the title %j and fill %s', (status, title, fill) => {
    const svg = renderBadge(status);
    expect(svg).toContain(`<title>${title}</title>`);
    expect(svg).toContain(`aria-label="${title}"`);
    expect(svg).toContain(`fill="${fill}"`);
  });

  it('grows with its text and escapes it', () => {
    const short = renderBadge('healthy');
    const long = renderBadge('shutting_down');
    const width = (svg: string): number => Number(/width="(\d+)"/.exec(svg)?.[1]);
    expect(width(long)).toBeGreaterThan(width(short));
    expect(renderBadge('x', '<b>&"')).toContain('<title>&lt;b&gt;&amp;&quot;: x</title>');
  });

  it('never carries the in-rotation token, even in a label that spells it: a badge is a 200 whatever the status', () => {
    const svg = renderBadge('healthy', `up ${ROTATION_TOKEN.toLowerCase()}`);
    expect(svg.toUpperCase()).not.toContain(ROTATION_TOKEN);
    expect(svg).toContain('<title>up [rotation-token]: healthy</title>');
  });
});
