import { withoutRotationToken } from '../core/index.ts';
import { escapeHtml } from './render-status-page.ts';

const COLOURS: Readonly<Record<string, string>> = {
  healthy: '#116329',
  degraded: '#7d4e00',
  unhealthy: '#a40e26',
};
const NEUTRAL = '#4a5159';

/** Approximate width of text in 11 px Verdana/DejaVu Sans, as badge services measure it. */
const textWidth = (text: string): number => Math.round(text.length * 6.6 + 10);

/**
 * A flat status badge: "health | <status>", readable without colour (the word
 * is the status) and by screen readers (`<title>` and `aria-label`). White text
 * on every fill meets WCAG AA contrast. Never the in-rotation token: a badge is
 * a 200 whatever the status, so a keyword monitor must watch readiness instead.
 */
export function renderBadge(status: string, label = 'health'): string {
  const word = status.replace(/_/g, ' ');
  const left = textWidth(label);
  const right = textWidth(word);
  const width = left + right;
  const title = escapeHtml(`${label}: ${word}`);
  const fill = COLOURS[status] ?? NEUTRAL;
  return withoutRotationToken(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${title}" viewBox="0 0 ${width} 20">
<title>${title}</title>
<rect width="${left}" height="20" fill="#3b4148"/>
<rect x="${left}" width="${right}" height="20" fill="${fill}"/>
<g fill="#fff" text-anchor="middle" font-family="Verdana,'DejaVu Sans',sans-serif" font-size="11">
<text x="${left / 2}" y="14">${escapeHtml(label)}</text>
<text x="${left + right / 2}" y="14">${escapeHtml(word)}</text>
</g>
</svg>
`);
}
