import type { StatusData, StatusDependency } from './status-data.ts';

/*
 * The status page's only script, sent inline (under the CSP nonce) as the
 * source of these functions. Each must reference nothing but browser globals
 * and the other functions here: no imports, no module-level values. They
 * render with `textContent` only, never HTML, so no value from the server can
 * become markup.
 */

export interface PageScriptConfig {
  /** Where the page fetches its data (`<base>/status`, JSON by `Accept`). */
  endpoint: string;
  refreshMs: number;
}

export function pageElement(tag: string, text?: string, className?: string): HTMLElement {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** good, warn, wait or bad: the CSS class of a status word. */
export function pageTone(status: string): string {
  if (status === 'healthy' || status === 'started') return 'good';
  if (status === 'degraded') return 'warn';
  return ['not_started', 'starting', 'draining', 'shutting_down'].includes(status) ? 'wait' : 'bad';
}

/** A status as an icon and its word: meaning never rests on colour alone. */
export function pageLabel(status: string): HTMLElement {
  const icons: Record<string, string> = { good: '✓', warn: '▲', wait: '◔', bad: '✗' };
  const wrapper = pageElement('span', undefined, `state state-${pageTone(status)}`);
  const icon = pageElement('span', icons[pageTone(status)], 'icon');
  icon.setAttribute('aria-hidden', 'true');
  wrapper.append(icon, ` ${status.replace(/_/g, ' ')}`);
  return wrapper;
}

export function pageDuration(ms: number | undefined): string {
  if (ms === undefined) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 7_200_000) return `${Math.round(ms / 60_000)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}

export function pageTime(iso: string | undefined, now: number): HTMLElement {
  if (iso === undefined) return pageElement('span', 'not recorded', 'muted');
  const node = pageElement('time', `${pageDuration(Math.max(0, now - Date.parse(iso)))} ago`);
  node.setAttribute('datetime', iso);
  node.title = new Date(iso).toLocaleString();
  return node;
}

export function pageRow(dependency: StatusDependency, now: number): HTMLTableRowElement {
  const row = document.createElement('tr');
  const name = pageElement('th', dependency.name);
  name.setAttribute('scope', 'row');
  const status = pageElement('td');
  status.append(pageLabel(dependency.status));
  const reason = pageElement('td', dependency.reason ?? '—');
  if (dependency.message) reason.append(pageElement('div', dependency.message, 'message'));
  const changed = pageElement('td');
  changed.append(pageTime(dependency.last_changed_at, now));
  const latency = pageElement('td', `${dependency.latency_ms} ms`, 'number');
  const age = pageElement('td', pageDuration(dependency.result_age_ms), 'number');
  row.append(name, status, pageElement('td', dependency.category), latency, reason, age, changed);
  return row;
}

export function pageFacts(data: StatusData): HTMLElement[] {
  const isolate = data.isolate;
  if (!isolate) return [];
  const facts: [string, string][] = [
    ['State', isolate.state],
    ['Isolate', isolate.id],
    ['Platform', isolate.platform ?? '—'],
    ['Location', isolate.location ?? '—'],
    ['Started', new Date(isolate.started_at).toLocaleString()],
    ['Uptime', pageDuration(isolate.uptime_ms)],
    ['Requests served', String(isolate.requests)],
    ['In flight', String(isolate.in_flight)],
  ];
  return facts.flatMap(([term, value]) => [pageElement('dt', term), pageElement('dd', value)]);
}

export function pageRender(data: StatusData, now: number, token: string | null | undefined): void {
  const byId = (id: string): HTMLElement => document.getElementById(id) as HTMLElement;
  const word = data.status.replace(/_/g, ' ');
  document.title = `${word} · service health`;
  const overall = byId('overall');
  if (overall.dataset.status && overall.dataset.status !== data.status) byId('announce').textContent = `Status changed to ${word}.`;
  overall.dataset.status = data.status;
  overall.className = `overall overall-${pageTone(data.status)}`;
  overall.replaceChildren(pageLabel(data.status));
  byId('summary').textContent = [data.message, `HTTP ${data.http_status}`, data.version ? `version ${data.version}` : undefined].filter(Boolean).join(' · ');
  byId('dependencies').replaceChildren(...data.dependencies.map((dependency) => pageRow(dependency, now)));
  byId('no-dependencies').hidden = data.dependencies.length > 0;
  byId('dependency-table').hidden = data.dependencies.length === 0;
  byId('isolate').replaceChildren(...pageFacts(data));
  byId('isolate-section').hidden = !data.isolate;
  const open = data.details && !token;
  byId('token-state').textContent = token
    ? data.details
      ? 'Details shown: the token was accepted.'
      : 'The token was not accepted: details are hidden.'
    : open
      ? 'Details are shown to everyone: no details token is configured.'
      : 'Details (messages) are hidden without the details token.';
  byId('forget').hidden = !token;
  byId('token-form').hidden = open;
}

/**
 * Wires the page: renders the data it came with, refreshes it every
 * `refreshMs` without reloading, and keeps the details token in
 * sessionStorage, sent only as an `Authorization` header, never in a URL
 * (proxies and browsers log URLs).
 */
export function pageStart(config: PageScriptConfig): void {
  const key = 'edge-health-details-token';
  const byId = (id: string): HTMLElement => document.getElementById(id) as HTMLElement;
  let storage: Storage | undefined;
  try {
    storage = window.sessionStorage;
  } catch {
    storage = undefined;
  }
  const updated = (ok: boolean, text: string): void => {
    byId('updated').textContent = `${text} ${new Date().toLocaleTimeString()}; refreshes every ${config.refreshMs / 1000} s.`;
    byId('updated').className = ok ? 'muted' : 'stale';
  };
  const refresh = async (): Promise<void> => {
    const token = storage?.getItem(key);
    const headers: Record<string, string> = { Accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) };
    try {
      const response = await fetch(config.endpoint, { headers, cache: 'no-store', credentials: 'omit' });
      pageRender((await response.json()) as StatusData, Date.now(), token);
      updated(true, 'Updated');
    } catch {
      updated(false, 'Could not reach the service (showing the last known state) at');
    }
  };
  const form = byId('token-form') as HTMLFormElement;
  const input = byId('token') as HTMLInputElement;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (input.value) storage?.setItem(key, input.value);
    input.value = '';
    void refresh();
  });
  byId('forget').addEventListener('click', () => {
    storage?.removeItem(key);
    void refresh();
  });
  // Why no token here: the embedded data is the anonymous answer; a stored token is used by the refresh right after.
  pageRender(JSON.parse(byId('status-data').textContent ?? '{}') as StatusData, Date.now(), null);
  updated(true, 'Loaded');
  if (storage?.getItem(key)) void refresh();
  setInterval(() => {
    if (!document.hidden) void refresh();
  }, config.refreshMs);
}

/** The functions {@link pageStart} calls, written into the page before it. */
export const PAGE_HELPERS = [pageElement, pageTone, pageLabel, pageDuration, pageTime, pageRow, pageFacts, pageRender] as const;
