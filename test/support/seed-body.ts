/** The default JSON answer, as a caller reads it. */
export interface SeedDependency {
  name: string;
  status: string;
  category: string;
  latency_ms: number;
  message?: string;
  reason?: string;
  details?: Record<string, unknown>;
  /** How old the result is, when results are kept between requests. */
  age_ms?: number;
}

export interface SeedBody {
  /** The in-rotation token, first, on a 200 only. */
  in_rotation?: string;
  status: string;
  version: string;
  dependencies: SeedDependency[];
  message?: string;
  isolate?: Record<string, unknown>;
}
