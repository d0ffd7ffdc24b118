import type { CheckCategory } from '../core/index.ts';

/** Environment as platforms hand it over: Worker `env`, `process.env`, Netlify's `Netlify.env`. */
export type EnvSource = Readonly<Record<string, unknown>>;

/**
 * Reads typed values out of the environment and collects every problem, so that
 * one error lists them all, each naming the variable and never its value.
 */
export class EnvReader {
  readonly problems: string[] = [];
  constructor(private readonly env: EnvSource) {}

  string(name: string): string | undefined {
    const value = this.env[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') {
      this.problems.push(`${name} must be a string (it is a ${typeof value} binding).`);
      return undefined;
    }
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }

  category(name: string, fallback: CheckCategory): CheckCategory {
    const value = this.string(name);
    if (value === undefined) return fallback;
    const normal = value.toLowerCase().replace('_', '-');
    if (normal === 'critical' || normal === 'non-critical') return normal;
    this.problems.push(`${name} must be "critical" or "non-critical" (got ${JSON.stringify(value)}).`);
    return fallback;
  }

  milliseconds(name: string, fallback: number, max = 60_000): number {
    const value = this.string(name);
    if (value === undefined) return fallback;
    return this.checkMilliseconds(name, value, fallback, max);
  }

  checkMilliseconds(label: string, value: unknown, fallback: number, max = 60_000): number {
    const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
    if (Number.isInteger(n) && n >= 1 && n <= max) return n;
    this.problems.push(`${label} must be a whole number of milliseconds from 1 to ${max} (got ${JSON.stringify(value)}).`);
    return fallback;
  }

  /** A TCP port; 0 asks the system for a free one. */
  port(name: string, fallback: number): number {
    const value = this.string(name);
    if (value === undefined) return fallback;
    const n = /^\d+$/.test(value) ? Number(value) : NaN;
    if (Number.isInteger(n) && n >= 0 && n <= 65_535) return n;
    this.problems.push(`${name} must be a port number from 0 to 65535 (got ${JSON.stringify(value)}).`);
    return fallback;
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.string(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(value)) return true;
    if (['0', 'false', 'no', 'off'].includes(value)) return false;
    this.problems.push(`${name} must be true or false (got ${JSON.stringify(value)}).`);
    return fallback;
  }

  /** A URL whose value may hold credentials: problems never quote it. */
  url(name: string, protocols: readonly string[] = ['http:', 'https:']): URL | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    return this.checkUrl(name, value, protocols);
  }

  checkUrl(label: string, value: unknown, protocols: readonly string[] = ['http:', 'https:']): URL | undefined {
    let url: URL;
    try {
      url = new URL(String(value));
    } catch {
      this.problems.push(`${label} is not a valid absolute URL.`);
      return undefined;
    }
    if (!protocols.includes(url.protocol)) {
      this.problems.push(`${label} must be a ${protocols.map((p) => p.replace(':', '')).join(' or ')} URL (got ${url.protocol.replace(':', '')}:).`);
      return undefined;
    }
    return url;
  }
}
