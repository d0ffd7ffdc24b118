/** The shortest piece of a secret that counts as a leak: any 6 bytes of it in a row. */
export const LEAK_WINDOW = 6;

export interface Leak {
  /** Which secret, by its label (never its value). */
  secret: string;
  /** Where it was seen, e.g. `GET /health/ready body`. */
  where: string;
  /** A little of what surrounds it, with the leaked piece masked. */
  context: string;
}

/**
 * Finds any 6-character run of any secret in `text`. Every longer leaked
 * substring contains one, so the windows are all a search needs.
 */
export function findLeak(text: string, secrets: Readonly<Record<string, string>>, where: string): Leak | undefined {
  for (const [label, value] of Object.entries(secrets)) {
    for (let start = 0; start + LEAK_WINDOW <= value.length; start += 1) {
      const piece = value.slice(start, start + LEAK_WINDOW);
      const at = text.indexOf(piece);
      if (at === -1) continue;
      const context = `${text.slice(Math.max(0, at - 40), at)}<${label}>${text.slice(at + LEAK_WINDOW, at + LEAK_WINDOW + 40)}`;
      return { secret: label, where, context };
    }
  }
  return undefined;
}

/** Status line, headers and body of a response as one text, for scanning. */
export async function responseText(response: Response): Promise<string> {
  const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
  return `${response.status} ${response.statusText}\n${headers}\n\n${await response.text()}`;
}
