import { describe, expect, it } from 'vitest';
import { ROTATION_TOKEN } from '../core/index.ts';
import { escapeHtml, pageScriptSource, renderStatusPage } from './render-status-page.ts';
import type { StatusData } from './status-data.ts';

const data: StatusData = {
  status: 'degraded',
  http_status: 200,
  generated_at: '2026-12-01T10:00:00.000Z',
  details: false,
  dependencies: [{ name: 'api', status: 'unhealthy', category: 'critical', latency_ms: 3, message: '</script><script>alert(1)</script>' }],
};
const options = { nonce: 'bm9uY2U=', endpoint: '/health/status', refreshMs: 5000, readyPath: '/health/ready' };

describe('renderStatusPage', () => {
  it.each([
    [200, true],
    [503, false],
  ])('a %i page carries the in-rotation token in a meta tag among its first bytes: %s', (httpStatus, carried) => {
    const sneaky: StatusData = { ...data, http_status: httpStatus, version: ROTATION_TOKEN, dependencies: [{ ...data.dependencies[0]!, message: ROTATION_TOKEN.toLowerCase() }] };
    const html = renderStatusPage(sneaky, options);
    expect(html.split(ROTATION_TOKEN).length - 1).toBe(carried ? 1 : 0);
    expect(html.toLowerCase().split(ROTATION_TOKEN.toLowerCase()).length - 1).toBe(carried ? 1 : 0);
    if (carried) expect(html.indexOf(`<meta name="in_rotation" content="${ROTATION_TOKEN}">`)).toBeLessThan(200);
  });

  it('carries the data so that no value can end its script block', () => {
    const html = renderStatusPage(data, options);
    expect(html).not.toContain('</script><script>alert(1)');
    expect(html).toContain('\\u003c/script>\\u003cscript>alert(1)\\u003c/script>');
    const block = /<script type="application\/json" id="status-data">(.*?)<\/script>/s.exec(html)?.[1] ?? '';
    expect(JSON.parse(block)).toEqual(data);
  });

  it('puts the nonce on its one inline style and one inline script, and nowhere else', () => {
    const html = renderStatusPage(data, options);
    expect(html.match(/nonce="bm9uY2U="/g)).toHaveLength(2);
    expect(html).toMatch(/<style nonce="bm9uY2U=">/);
    expect(html).toMatch(/<script nonce="bm9uY2U=">\(\(\) => \{/);
    expect(html).not.toMatch(/ style="/);
  });

  it('names the overall status in the title, and escapes it', () => {
    expect(renderStatusPage(data, options)).toContain('<title>degraded · service health</title>');
    expect(renderStatusPage({ ...data, status: '<x>' }, options)).toContain('<title>&lt;x&gt; · service health</title>');
  });
});

describe('pageScriptSource', () => {
  it('is the page functions\' source, ending with the call that starts the page', () => {
    const source = pageScriptSource({ endpoint: '/health/status', refreshMs: 5000 });
    expect(source).toMatch(/function pageRender\(/);
    expect(source).toMatch(/\(function pageStart\(config\) \{/);
    expect(source.trimEnd().endsWith('})({"endpoint":"/health/status","refreshMs":5000});\n})();')).toBe(true);
    // It must parse as a script on its own: it references nothing from the module.
    expect(() => new Function(source)).not.toThrow();
  });
});

describe('escapeHtml', () => {
  it.each([
    ['plain', 'plain'],
    ['<a href="x">', '&lt;a href=&quot;x&quot;&gt;'],
    ["it's & more", 'it&#39;s &amp; more'],
  ])('escapes %j', (text, expected) => {
    expect(escapeHtml(text)).toBe(expected);
  });
});
