import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heldInit, startHealthServer, type HealthServer } from '../support/health-server.ts';

// Debian's chromium package (apt-get install chromium), driven by playwright-core.
const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};
const TOKEN = 'status-page-details-token-42';
// Why not docs/ by default: a test run must not rewrite committed files (ids and times
// change every run). `UPDATE_SCREENSHOTS=1` refreshes the README's pictures.
const screenshots = new URL(process.env.UPDATE_SCREENSHOTS === '1' ? '../../docs/screenshots/' : '../../test-results/screenshots/', import.meta.url).pathname;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
let server: HealthServer;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  browser = await chromium.launch(CHROMIUM);
  server = await startHealthServer({ env: { HEALTH_DETAILS_TOKEN: TOKEN } });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Opened {
  page: Page;
  /** Content-Security-Policy violations the page reported. */
  violations: string[];
  /** Every URL the page requested. */
  urls: string[];
}

/** Opens the base path as a person would (a top-level navigation), and waits for the page to draw. */
async function open(url: string, options: { colorScheme?: 'light' | 'dark'; width?: number } = {}): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 860, height: 640 }, colorScheme: options.colorScheme ?? 'light', locale: 'en-GB', timezoneId: 'UTC' });
  const page = await context.newPage();
  const violations: string[] = [];
  const urls: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  page.on('request', (request) => void urls.push(request.url()));
  const response = await page.goto(url);
  expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');
  await page.locator('#overall[data-status]').waitFor();
  return { page, violations, urls };
}

/** axe-core, injected through the DevTools protocol (the page's CSP forbids inline scripts, rightly). */
async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    }),
  );
  return result.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`);
}

const cells = (page: Page): Promise<string[][]> =>
  page.locator('#dependencies tr').evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => (cell.textContent ?? '').trim())));

describe('the status page in real headless Chromium', () => {
  it.each<[string, () => void, RegExp, string[][]]>([
    ['healthy', () => (server.set('api', 'up'), server.set('cache', 'up')), /✓ healthy/, [['api', '✓ healthy', 'critical'], ['cache', '✓ healthy', 'non-critical']]],
    ['degraded', () => (server.set('api', 'up'), server.set('cache', 'down')), /▲ degraded/, [['api', '✓ healthy', 'critical'], ['cache', '✗ unhealthy', 'non-critical']]],
    ['unhealthy', () => (server.set('api', 'down'), server.set('cache', 'down')), /✗ unhealthy/, [['api', '✗ unhealthy', 'critical'], ['cache', '✗ unhealthy', 'non-critical']]],
  ])('shows the %s state as icon and word, each dependency, and passes axe', async (state, arrange, overall, rows) => {
    arrange();
    const { page, violations } = await open(`${server.url}/health`);
    expect(await page.locator('#overall').textContent()).toMatch(overall);
    const table = await cells(page);
    expect(table.map((row) => row.slice(0, 3))).toEqual(rows);
    for (const row of table) {
      expect(row[3]).toMatch(/^\d+ ms$/);
      expect(row[5]).toMatch(/^\d+ ms$/); // result age
      expect(row[6]).toMatch(/ago$/); // last changed
    }
    expect(await page.locator('#isolate').textContent()).toContain('Platform');
    expect(violations).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screenshots}status-${state}.png`, fullPage: true });
    await page.context().close();
  });

  it('shows a starting isolate as not started, with no dependency rows', async () => {
    const init = heldInit();
    const starting = await startHealthServer({ init: [init.task] });
    try {
      const { page } = await open(`${starting.url}/health/status`);
      expect(await page.locator('#overall').textContent()).toBe('◔ not started');
      expect(await page.locator('#summary').textContent()).toBe('starting up · HTTP 503 · version 1.4.0');
      expect(await page.locator('#no-dependencies').isVisible()).toBe(true);
      expect(await page.locator('#isolate').textContent()).toContain('starting');
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.screenshot({ path: `${screenshots}status-starting.png`, fullPage: true });
      await page.context().close();
    } finally {
      init.release();
      await starting.close();
    }
  });

  it('shows a draining isolate with the reason, readable on a phone in dark mode', async () => {
    const draining = await startHealthServer();
    try {
      draining.lifecycle.markReady();
      draining.lifecycle.drain('drained for maintenance');
      const { page } = await open(`${draining.url}/health`, { colorScheme: 'dark', width: 390 });
      expect(await page.locator('#overall').textContent()).toBe('◔ draining');
      expect(await page.locator('#summary').textContent()).toContain('drained for maintenance');
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(13, 17, 23)');
      // No HEALTH_DETAILS_TOKEN here: everyone sees details, so there is no token to ask for.
      expect(await page.locator('#token-state').textContent()).toBe('Details are shown to everyone: no details token is configured.');
      expect(await page.locator('#token-form').isVisible()).toBe(false);
      // Nothing wider than the phone's screen but the table's own scroll region.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.screenshot({ path: `${screenshots}status-draining.png`, fullPage: true });
      await page.context().close();
    } finally {
      await draining.close();
    }
  });

  it('refreshes in place when a dependency changes, without reloading the page', async () => {
    server.set('api', 'up');
    server.set('cache', 'up');
    const { page } = await open(`${server.url}/health/status`);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    server.set('cache', 'down');
    await page.locator('#overall[data-status="degraded"]').waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    expect(await page.locator('#announce').textContent()).toBe('Status changed to degraded.');
    await page.context().close();
  });

  it('shows details to an operator with the token, sent as a header and never in a URL', async () => {
    server.set('api', 'up');
    server.set('cache', 'down');
    const { page, urls } = await open(`${server.url}/health`);
    expect(await page.locator('#dependencies').textContent()).not.toContain('HTTP 503');
    expect(await page.locator('#token-state').textContent()).toBe('Details (messages) are hidden without the details token.');
    const sent: (string | undefined)[] = [];
    page.on('request', (request) => void sent.push(request.headers().authorization));
    await page.getByLabel('Details token').fill(TOKEN);
    await page.getByRole('button', { name: 'Show details' }).click();
    await expect.poll(() => page.locator('#dependencies').textContent()).toContain('HTTP 503');
    expect(await page.locator('#token-state').textContent()).toBe('Details shown: the token was accepted.');
    expect(sent).toContain(`Bearer ${TOKEN}`);
    expect(urls.some((url) => url.includes(TOKEN))).toBe(false);
    expect(page.url()).not.toContain(TOKEN);
    expect(await page.evaluate(() => sessionStorage.getItem('edge-health-details-token'))).toBe(TOKEN);
    await page.getByRole('button', { name: 'Forget the token' }).click();
    await expect.poll(() => page.locator('#token-state').textContent()).toBe('Details (messages) are hidden without the details token.');
    expect(await page.locator('#dependencies').textContent()).not.toContain('HTTP 503');
    await page.context().close();
  });

  it('says so when the token is wrong, and keeps details hidden', async () => {
    const { page } = await open(`${server.url}/health`);
    await page.getByLabel('Details token').fill('not-the-right-token-at-all');
    await page.getByRole('button', { name: 'Show details' }).click();
    await expect.poll(() => page.locator('#token-state').textContent()).toBe('The token was not accepted: details are hidden.');
    expect(await page.locator('#dependencies').textContent()).not.toContain('HTTP 503');
    await page.context().close();
  });
});
