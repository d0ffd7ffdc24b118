import { GatewayError } from '../server/index.ts';
import { toPgParams } from './to-pg-params.ts';
import type { QueryData, SqlPayload } from './types.ts';

/** `{query, params}` or `{queries: [{query, params}, …]}`, the two bodies Neon's `/sql` takes. */
export function parsePayload(body: string): SqlPayload {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    throw new GatewayError(400, `could not parse the HTTP request body: ${(error as Error).message}`);
  }
  if (isObject(json) && 'queries' in json) {
    if (!Array.isArray(json['queries'])) throw invalid('"queries" must be an array');
    return { kind: 'batch', queries: json['queries'].map((item, index) => toQueryData(item, `queries[${index}]`)) };
  }
  return { kind: 'single', query: toQueryData(json, 'body') };
}

function toQueryData(value: unknown, where: string): QueryData {
  if (!isObject(value)) throw invalid(`${where} must be an object`);
  const { query, params = [], arrayMode } = value;
  if (typeof query !== 'string') throw invalid(`${where}.query must be a string`);
  if (!Array.isArray(params)) throw invalid(`${where}.params must be an array`);
  if (arrayMode !== undefined && typeof arrayMode !== 'boolean') throw invalid(`${where}.arrayMode must be a boolean`);
  const data: QueryData = { query, params: toPgParams(params) };
  if (arrayMode !== undefined) data.arrayMode = arrayMode;
  return data;
}

const invalid = (reason: string): GatewayError =>
  new GatewayError(400, `could not parse the HTTP request body: ${reason}; expected {"query", "params"} or {"queries": [...]}`);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
