import { isInRotation, ROTATION_FIELD, ROTATION_TOKEN, withoutRotationToken } from '../core/index.ts';
import { PAGE_HELPERS, pageStart, type PageScriptConfig } from './page-script.ts';
import { PAGE_STYLE } from './page-style.ts';
import type { StatusData } from './status-data.ts';

export interface PageRenderOptions extends PageScriptConfig {
  /** This response's CSP nonce: the only inline script and style allowed to run. */
  nonce: string;
  /** Where the readiness JSON lives, for people without JavaScript. */
  readyPath: string;
}

/** `<`, `&`, quotes: safe inside an HTML attribute or text. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);

/**
 * The page's script: the helpers' own source, then `pageStart`'s, called.
 * Why `pageStart` as an expression and not by name: a bundler may rename a
 * declaration (consistently with its callers, so the helpers still match)
 * while `.name` keeps the old name. Why the `__name` stand-in: bundlers that
 * keep function names (esbuild's keepNames, used by wrangler and tsx) wrap
 * inner functions in `__name(...)`, a helper of the bundle, not of the browser.
 */
export function pageScriptSource(config: PageScriptConfig): string {
  const helpers = PAGE_HELPERS.map((fn) => fn.toString()).join('\n');
  return `(() => {\nconst __name = (target) => target;\n${helpers}\n(${pageStart.toString()})(${JSON.stringify(config)});\n})();`;
}

const PAGE_START = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
`;

/**
 * The whole status page; its data rides along as a JSON data block the script
 * renders. A 200 page carries the in-rotation token in its first bytes (a
 * `<meta name="in_rotation">`) for keyword monitors; no text inside the page
 * can spell it.
 */
export function renderStatusPage(data: StatusData, options: PageRenderOptions): string {
  const rotation = isInRotation(data.http_status) ? `<meta name="${ROTATION_FIELD}" content="${ROTATION_TOKEN}">\n` : '';
  return `${PAGE_START}${rotation}${withoutRotationToken(pageRest(data, options))}`;
}

function pageRest(data: StatusData, options: PageRenderOptions): string {
  const nonce = escapeHtml(options.nonce);
  // Why \u003c: a `</script>` inside a value must not end the data block.
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  const script = pageScriptSource({ endpoint: options.endpoint, refreshMs: options.refreshMs }).replace(/<\/script/gi, '<\\/script');
  return `<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(data.status.replace(/_/g, ' '))} · service health</title>
<style nonce="${nonce}">${PAGE_STYLE}</style>
</head>
<body>
<main>
<h1>Service health</h1>
<p><span id="overall" class="overall"></span></p>
<p id="summary"></p>
<p id="updated" class="muted"></p>
<p id="announce" class="visually-hidden" role="status" aria-live="polite"></p>
<noscript><p>This page draws and refreshes itself with JavaScript. Without it, read <a href="${escapeHtml(options.readyPath)}">the readiness JSON</a>.</p></noscript>
<section aria-labelledby="dependencies-title">
<h2 id="dependencies-title">Dependencies</h2>
<div id="dependency-table" class="scroll" role="region" aria-label="Dependency table (scrolls sideways on small screens)" tabindex="0">
<table>
<caption class="visually-hidden">Each dependency's latest check: status, category, latency, reason, result age and last change</caption>
<thead><tr><th scope="col">Dependency</th><th scope="col">Status</th><th scope="col">Category</th><th scope="col" class="number">Latency</th><th scope="col">Reason</th><th scope="col" class="number">Result age</th><th scope="col">Last changed</th></tr></thead>
<tbody id="dependencies"></tbody>
</table>
</div>
<p id="no-dependencies" class="muted" hidden>No dependency was checked for this answer: the service is not taking traffic yet (or any more), or has no checks.</p>
</section>
<section id="isolate-section" aria-labelledby="isolate-title">
<h2 id="isolate-title">This isolate</h2>
<p class="muted">These facts are the answering isolate's own; another request may be served by another one.</p>
<dl id="isolate"></dl>
</section>
<section aria-labelledby="details-title">
<h2 id="details-title">Details</h2>
<p id="token-state"></p>
<form id="token-form" method="post" hidden>
<div><label for="token">Details token</label>
<input id="token" name="token" type="password" autocomplete="off" spellcheck="false"></div>
<button type="submit">Show details</button>
<button type="button" id="forget" hidden>Forget the token</button>
</form>
</section>
</main>
<script type="application/json" id="status-data">${json}</script>
<script nonce="${nonce}">${script}</script>
</body>
</html>
`;
}
