/**
 * A horizontal bar chart of throughput ratios as a self-contained SVG: per
 * row, the req/s ratio (dark) and the CPU-per-request ratio (light), both to
 * the bare handler of the same runtime, with a line at 100 %.
 */
import type { Row } from './throughput.ts';

const BAR = 9;
const ROW = 28;
const LABEL = 330;
const WIDTH = 300;
const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export function ratioChart(rows: Row[]): string {
  const top = 40;
  const height = top + rows.length * ROW + 30;
  const x = (ratio: number): number => LABEL + Math.min(ratio, 1.2) * (WIDTH / 1.2);
  const bars = rows.map((row, i) => {
    const y = top + i * ROW;
    const req = row.ratio.median;
    const cpu = row.cpuRatio.median;
    return [
      `<text x="${LABEL - 8}" y="${y + BAR + 3}" text-anchor="end">${escape(`${row.runtime}: ${row.label}`)}</text>`,
      `<rect x="${LABEL}" y="${y}" width="${(x(req) - LABEL).toFixed(1)}" height="${BAR}" fill="#2b5b84"/>`,
      `<rect x="${LABEL}" y="${y + BAR + 1}" width="${(x(cpu) - LABEL).toFixed(1)}" height="${BAR}" fill="#8fb8de"/>`,
      `<text x="${x(Math.max(req, cpu)) + 4}" y="${y + BAR + 3}">${(req * 100).toFixed(0)} % / ${(cpu * 100).toFixed(0)} %</text>`,
    ].join('');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${LABEL + WIDTH + 110}" height="${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="10" y="16" font-size="13" font-weight="bold">Throughput as a share of the bare handler on the same runtime (median of rounds)</text>`,
    `<rect x="10" y="24" width="10" height="8" fill="#2b5b84"/><text x="24" y="32">req/s ratio, same round</text>`,
    `<rect x="170" y="24" width="10" height="8" fill="#8fb8de"/><text x="184" y="32">bare CPU-µs per request ÷ this row's</text>`,
    `<line x1="${x(1)}" y1="${top - 4}" x2="${x(1)}" y2="${height - 24}" stroke="#999" stroke-dasharray="3,3"/>`,
    `<text x="${x(1)}" y="${height - 12}" text-anchor="middle">100 %</text>`,
    ...bars,
    '</svg>',
    '',
  ].join('\n');
}
