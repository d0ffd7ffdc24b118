/**
 * The page's only stylesheet (inline, under the CSP nonce). Colours meet WCAG
 * AA contrast in light and dark schemes; every status also has an icon and a word.
 */
export const PAGE_STYLE = `
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa;
  --good: #116329; --warn: #7d4e00; --wait: #0550ae; --bad: #a40e26; }
@media (prefers-color-scheme: dark) { :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --panel: #151b23;
  --good: #3fb950; --warn: #d29922; --wait: #58a6ff; --bad: #ff7b72; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
main { max-width: 64rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.4rem; margin: 0 0 .5rem; }
h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
.overall { display: inline-block; font-size: 1.6rem; font-weight: 700; padding: .25rem .75rem; border: 2px solid currentColor; border-radius: .5rem; }
.state-good, .overall-good { color: var(--good); } .state-warn, .overall-warn { color: var(--warn); }
.state-wait, .overall-wait { color: var(--wait); } .state-bad, .overall-bad { color: var(--bad); }
.state { font-weight: 600; white-space: nowrap; }
.muted { color: var(--muted); } .stale { color: var(--bad); font-weight: 600; }
.scroll { overflow-x: auto; border: 1px solid var(--line); border-radius: .5rem; }
.scroll:focus-visible, input:focus-visible, button:focus-visible { outline: 3px solid var(--wait); outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; padding: .5rem .75rem; font-weight: 600; }
th, td { text-align: left; padding: .5rem .75rem; border-top: 1px solid var(--line); vertical-align: top; }
thead th { background: var(--panel); font-size: .85rem; color: var(--muted); }
.number { text-align: right; white-space: nowrap; }
.message { color: var(--muted); font-size: .85rem; overflow-wrap: anywhere; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; padding: .75rem; background: var(--panel); border-radius: .5rem; }
dt { color: var(--muted); } dd { margin: 0; overflow-wrap: anywhere; }
form { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; }
label { display: block; font-size: .9rem; }
input, button { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--muted); border-radius: .375rem; padding: .375rem .625rem; min-height: 2.5rem; }
button { cursor: pointer; background: var(--panel); }
[hidden] { display: none !important; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 40rem) { main { padding: .75rem; } th, td { padding: .375rem .5rem; } .overall { font-size: 1.3rem; } }
`;
