const BOOL = 16;
const INT2 = 21;
const INT4 = 23;
const FLOAT4 = 700;
const FLOAT8 = 701;
const JSON_OID = 114;
const JSONB = 3802;
const BOX = 603;

/** Built-in array type → element type. Arrays of other types (enums, domains) stay text. */
const ARRAY_ELEMENTS = new Map<number, number>([
  [1000, BOOL], [1001, 17], [1002, 18], [1003, 19], [1005, INT2], [1007, INT4], [1009, 25], [1014, 1042],
  [1015, 1043], [1016, 20], [1021, FLOAT4], [1022, FLOAT8], [1020, BOX], [1028, 26], [1115, 1114], [1182, 1082],
  [1183, 1083], [1185, 1184], [1187, 1186], [1231, 1700], [1270, 1266], [2951, 2950], [199, JSON_OID],
  [3807, JSONB], [1041, 869], [651, 650], [1040, 829], [791, 790], [1561, 1560], [1563, 1562], [4073, 4072],
]);

/**
 * A Postgres text value as Neon's `/sql` returns it without `Neon-Raw-Text-Output`:
 * bool, int2, int4 and finite floats as JSON numbers or booleans, json and jsonb
 * parsed, arrays of built-in types as JSON arrays, everything else (int8 and
 * numeric included) as the text itself.
 */
export function pgTextToJson(text: string, typeId: number): unknown {
  const element = ARRAY_ELEMENTS.get(typeId);
  if (element !== undefined) return parseArray(text, element);
  switch (typeId) {
    case BOOL:
      return text === 't';
    case INT2:
    case INT4:
      return Number(text);
    case FLOAT4:
    case FLOAT8: {
      const value = Number(text);
      return Number.isFinite(value) ? value : text;
    }
    case JSON_OID:
    case JSONB:
      return JSON.parse(text);
    default:
      return text;
  }
}

/** Parses `{a,"b c",NULL,{…}}`, skipping a leading `[1:2]=` bounds decoration. */
function parseArray(text: string, element: number): unknown[] {
  const delimiter = element === BOX ? ';' : ',';
  const source = text.startsWith('[') ? text.slice(text.indexOf('=') + 1) : text;
  let at = 0;

  const fail = (): never => {
    throw new Error(`could not parse postgres array: ${text}`);
  };
  const skipSpace = (): void => {
    while (source[at] === ' ') at++;
  };

  const readList = (): unknown[] => {
    skipSpace();
    if (source[at] !== '{') fail();
    at++;
    const items: unknown[] = [];
    skipSpace();
    if (source[at] === '}') {
      at++;
      return items;
    }
    for (;;) {
      items.push(readItem());
      skipSpace();
      const next = source[at++];
      if (next === '}') return items;
      if (next !== delimiter) fail();
    }
  };

  const readItem = (): unknown => {
    skipSpace();
    if (source[at] === '{') return readList();
    if (source[at] === '"') {
      at++;
      let value = '';
      for (;;) {
        const char = source[at++];
        if (char === undefined) fail();
        if (char === '"') break;
        value += char === '\\' ? (source[at++] ?? fail()) : char;
      }
      return pgTextToJson(value, element);
    }
    const start = at;
    while (at < source.length && source[at] !== delimiter && source[at] !== '}') at++;
    const raw = source.slice(start, at).trimEnd();
    return raw === 'NULL' ? null : pgTextToJson(raw, element);
  };

  const result = readList();
  skipSpace();
  if (at !== source.length) fail();
  return result;
}
