/**
 * A process's resident memory by mapping, from /proc/<pid>/smaps (Linux): to tell which
 * region grows under load (glibc's `[heap]`, a thread's malloc arena, V8's heap pages,
 * a WebAssembly memory). Used by `bench/soak-rss.ts` with `SOAK_RSS_SMAPS=1`.
 */
import { readFileSync } from 'node:fs';

export interface Mapping {
  /** `start-end` of the mapping, its identity between two reads. */
  range: string;
  /** The file or pseudo-name (`[heap]`, `[stack]`), empty for anonymous memory. */
  name: string;
  /** Mapped size and resident part, in KiB. */
  sizeKiB: number;
  rssKiB: number;
}

export function smaps(pid: number): Mapping[] {
  const mappings: Mapping[] = [];
  let current: Mapping | undefined;
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const header = /^([0-9a-f]+-[0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (header) {
      current = { range: header[1] ?? '', name: header[2] ?? '', sizeKiB: 0, rssKiB: 0 };
      mappings.push(current);
      continue;
    }
    const field = /^(Size|Rss):\s+(\d+) kB$/.exec(line);
    if (field && current) current[field[1] === 'Size' ? 'sizeKiB' : 'rssKiB'] = Number(field[2]);
  }
  return mappings;
}

/** The mappings whose resident memory changed most between two reads, with what they grew by, in KiB. */
export function grown(before: readonly Mapping[], after: readonly Mapping[], top = 8): string[] {
  const was = new Map(before.map((mapping) => [mapping.range, mapping.rssKiB]));
  return after
    .map((mapping) => ({ mapping, delta: mapping.rssKiB - (was.get(mapping.range) ?? 0) }))
    .filter(({ delta }) => delta !== 0)
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta))
    .slice(0, top)
    .map(({ mapping, delta }) => `${delta > 0 ? '+' : ''}${delta} KiB in ${mapping.range} ${mapping.name || '(anonymous)'} (size ${mapping.sizeKiB} KiB, resident ${mapping.rssKiB} KiB${was.has(mapping.range) ? '' : ', new'})`);
}

/** Resident KiB by kind of mapping: glibc's `[heap]`, V8's 256 KiB pages, other anonymous memory, files and the rest. */
export function residentByKind(mappings: readonly Mapping[]): Record<string, number> {
  const kinds: Record<string, number> = {};
  for (const mapping of mappings) {
    const kind = mapping.name.startsWith('/') ? 'files' : mapping.name ? mapping.name : mapping.sizeKiB === 256 ? 'anonymous 256 KiB (V8 pages)' : mapping.sizeKiB >= 1 << 20 ? 'anonymous ≥ 1 GiB (reservations)' : 'anonymous, other sizes';
    kinds[kind] = (kinds[kind] ?? 0) + mapping.rssKiB;
  }
  return kinds;
}
