/**
 * Reads V8's `--trace-gc-nvp` lines: how many bytes the scavenges promoted to the old
 * generation, and how many GCs of each kind ran, between two marks in a process's output.
 */
export interface Promotion {
  promoted: number;
  scavenges: number;
  markCompacts: number;
}

export function promotionBetween(output: string, isStart: (line: string) => boolean, isEnd: (line: string) => boolean): Promotion {
  const totals: Promotion = { promoted: 0, scavenges: 0, markCompacts: 0 };
  let counting = false;
  for (const line of output.split('\n')) {
    if (isStart(line)) counting = true;
    if (isEnd(line)) counting = false;
    const gc = / gc=(s|mc) /.exec(line);
    if (!counting || !gc) continue;
    if (gc[1] === 's') totals.scavenges += 1;
    else totals.markCompacts += 1;
    totals.promoted += Number(/ promoted=(\d+)/.exec(line)?.[1] ?? 0);
  }
  return totals;
}
