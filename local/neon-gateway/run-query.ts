import type { CustomTypesConfig, PoolClient, QueryArrayConfig } from 'pg';
import { pgTextToJson } from './pg-text-to-json.ts';
import type { FieldJson, QueryData, QueryResultJson } from './types.ts';

export interface OutputOptions {
  readonly rawTextOutput: boolean;
  readonly arrayMode: boolean;
}

/** Keeps every value exactly as Postgres wrote it (text); nulls stay null. */
const TEXT_AS_IS = {
  getTypeParser: () => (text: string) => text,
} as unknown as CustomTypesConfig;

/**
 * Runs one statement the way Neon does: the extended protocol (so one
 * statement per query, `$1`-style params as text), rows shaped by the output
 * options.
 */
export async function runQuery(client: PoolClient, data: QueryData, output: OutputOptions): Promise<QueryResultJson> {
  const config: QueryArrayConfig<(string | null)[]> & { queryMode: 'extended' } = {
    text: data.query,
    values: data.params,
    rowMode: 'array',
    types: TEXT_AS_IS,
    queryMode: 'extended',
  };
  const result = await client.query<(string | null)[]>(config);
  const arrayMode = data.arrayMode ?? output.arrayMode;
  const fields: FieldJson[] = result.fields.map((field) => ({
    name: field.name,
    dataTypeID: field.dataTypeID,
    tableID: field.tableID,
    columnID: field.columnID,
    dataTypeSize: field.dataTypeSize,
    dataTypeModifier: field.dataTypeModifier,
    format: field.format,
  }));
  const rows = result.rows.map((row) => {
    const values = output.rawTextOutput
      ? row
      : row.map((value, index) => (value === null ? null : pgTextToJson(value, fields[index]?.dataTypeID ?? 0)));
    return arrayMode ? values : Object.fromEntries(fields.map((field, index) => [field.name, values[index]]));
  });
  return { command: result.command ?? '', rowCount: result.rowCount ?? null, rowAsArray: arrayMode, fields, rows };
}
