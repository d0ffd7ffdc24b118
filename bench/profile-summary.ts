/** A V8 CPU profile (`.cpuprofile`) summarized: the functions with the most samples of their own and below them. */

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** Self and inclusive sample shares per function, the top `count` of each. */
export function summarize(profile: { nodes: ProfileNode[]; samples: number[] }, count = 25): string[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const name = (node: ProfileNode): string =>
    `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').slice(-2).join('/')}:${node.callFrame.lineNumber + 1}`;
  const own = new Map<string, number>();
  const below = new Map<string, number>();
  for (const sample of profile.samples) {
    const node = byId.get(sample);
    if (!node) continue;
    own.set(name(node), (own.get(name(node)) ?? 0) + 1);
    const seen = new Set<string>();
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
      const key = name(byId.get(id) as ProfileNode);
      if (!seen.has(key)) below.set(key, (below.get(key) ?? 0) + 1);
      seen.add(key);
    }
  }
  const top = (map: Map<string, number>): string[] =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([key, samples]) => `${((100 * samples) / profile.samples.length).toFixed(1).padStart(5)} %  ${key}`);
  return ['own samples:', ...top(own), '', 'samples below (inclusive):', ...top(below)];
}
