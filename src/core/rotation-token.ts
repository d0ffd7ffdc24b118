/**
 * The keyword that uptime monitors and load balancers match (UptimeRobot's
 * keyword monitor, Pingdom's "should contain", Route 53's string matching over
 * the first 5,120 bytes): present near the start of every answer that keeps
 * the service in rotation (HTTP 200, healthy or degraded) and absent from every
 * other, because no text a check, a configuration or a caller supplies can
 * spell it: such text has it replaced by {@link TOKEN_STAND_IN}.
 *
 * Why these characters: `X`, `E`, `D`, `G`, `U`, `P`, `B`, digits and `-` are
 * no upper- or lower-case form of any non-ASCII character (as `K` is of the
 * Kelvin sign and `I` of the dotless `ı`), so a monitor that folds case cannot
 * find it in other text; and `X` ends no JSON, HTML or Prometheus escape
 * (`\u001e` ends in a hex digit), so escaping a string cannot spell it either.
 */
export const ROTATION_TOKEN = 'X-EDGE-UP-7B3D';

/** The JSON field that carries {@link ROTATION_TOKEN}, first in the body. */
export const ROTATION_FIELD = 'in_rotation';

/** What replaces the token wherever supplied text contains it. */
export const TOKEN_STAND_IN = '[rotation-token]';

const TOKEN_ANY_CASE = /x-edge-up-7b3d/gi;
const HAS_TOKEN = /x-edge-up-7b3d/i;

/** An answer keeps the service in rotation exactly when it is a 200. */
export const isInRotation = (httpStatus: number): boolean => httpStatus === 200;

/**
 * Why `-7` first: it is the token's one run of two characters that no case
 * folding changes, so text without it (nearly every answer) cannot hold the
 * token in any case, and one native `indexOf` says so without the regex.
 */
const mayHoldToken = (text: string): boolean => text.includes('-7');

/** `text` with every occurrence of the token, in any case, replaced. */
export const withoutRotationToken = (text: string): string => (mayHoldToken(text) ? text.replace(TOKEN_ANY_CASE, TOKEN_STAND_IN) : text);

/** Whether `text` contains the token in any case (a check name must not). */
export const containsRotationToken = (text: string): boolean => mayHoldToken(text) && HAS_TOKEN.test(text);

/**
 * A JSON value with the token replaced in every string, keys included, as
 * `JSON.stringify` writes it (so also in what a `toJSON` returns).
 * Why on the serialized text: the token holds no `"` or `\\` and starts with an
 * `X`, which ends no escape, so each occurrence in the text lies inside one
 * string and the stand-in keeps the JSON valid; and one native scan of the
 * text costs every answer far less than walking the value.
 */
export function withoutRotationTokenJson<T>(value: T): T {
  const json = JSON.stringify(value);
  return json !== undefined && containsRotationToken(json) ? (JSON.parse(withoutRotationToken(json)) as T) : value;
}

/**
 * A JSON body made safe: supplied text cannot carry the token, and the token
 * leads the body when the answer keeps the service in rotation.
 */
export function withRotationField(httpStatus: number, body: Record<string, unknown>): Record<string, unknown> {
  const safe = withoutRotationTokenJson(body);
  return isInRotation(httpStatus) ? { [ROTATION_FIELD]: ROTATION_TOKEN, ...safe } : safe;
}

/**
 * {@link withRotationField}'s body as JSON text, serialized once: the
 * scrubbed text of `body`, led by the token's field when in rotation.
 */
export function withRotationJson(httpStatus: number, body: Record<string, unknown>): string {
  const safe = withoutRotationToken(JSON.stringify(body));
  if (!isInRotation(httpStatus)) return safe;
  const lead = `{"${ROTATION_FIELD}":"${ROTATION_TOKEN}"`;
  return safe === '{}' ? `${lead}}` : `${lead},${safe.slice(1)}`;
}

/** A text body made safe, led by a line carrying the token when in rotation. */
export function withRotationLine(httpStatus: number, text: string): string {
  const safe = withoutRotationToken(text);
  return isInRotation(httpStatus) ? `${ROTATION_FIELD}: ${ROTATION_TOKEN}\n${safe}` : safe;
}
