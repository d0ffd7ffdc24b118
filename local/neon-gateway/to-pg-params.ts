/**
 * JSON params to Postgres text, as Neon's `/sql` accepts them: `null` is NULL,
 * strings pass as they are, numbers, booleans and objects become their JSON
 * text, arrays become Postgres array literals. (@neondatabase/serverless
 * already sends only strings and nulls.)
 */
export function toPgParams(params: readonly unknown[]): (string | null)[] {
  return params.map(toPgText);
}

function toPgText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return toPgArray(value);
  return JSON.stringify(value);
}

function toPgArray(values: readonly unknown[]): string {
  const items = values.map((value) => {
    if (value === null || value === undefined) return 'NULL';
    if (Array.isArray(value)) return toPgArray(value);
    if (typeof value === 'string') return quote(value);
    if (typeof value === 'object') return quote(JSON.stringify(value));
    return JSON.stringify(value);
  });
  return `{${items.join(',')}}`;
}

const quote = (text: string): string => `"${text.replace(/[\\"]/g, '\\$&')}"`;
