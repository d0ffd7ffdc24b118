import { standIn } from './stand-in.ts';

/**
 * A text answer that is not yet an undici `Response`: its status, header
 * fields and body text, which an adapter can write as they are. Building a
 * real `Response` (a `ReadableStream` for the body, a `Headers` from the
 * record) cost a third of a liveness probe on Node. Everything else about it
 * is a `Response`: `headers` is a real `Headers` on first use, and any other
 * member (`body`, `text()`, `clone()`, …) builds the real `Response` once and
 * reads it. The core makes one only for this adapter's lazy request (its
 * `LIGHT_RESPONSE` method, see `lightAnswers`): native servers (workerd, Deno,
 * Bun) accept nothing but a genuine `Response`.
 */
export class LightResponse {
  readonly #text: string;
  readonly #status: number;
  /** Header fields, names in lower case, until someone asks for `headers`. */
  #fields: Record<string, string> | undefined;
  #headers: Headers | undefined;
  #real: Response | undefined;

  constructor(text: string, status: number, fields: Readonly<Record<string, string>>) {
    this.#text = text;
    this.#status = status;
    const lower: Record<string, string> = {};
    for (const name in fields) lower[name.toLowerCase()] = fields[name] as string;
    this.#fields = lower;
  }

  get status(): number {
    return this.#status;
  }

  get ok(): boolean {
    return this.#status >= 200 && this.#status <= 299;
  }

  get statusText(): string {
    return '';
  }

  get headers(): Headers {
    if (this.#real) return this.#real.headers;
    if (!this.#headers) {
      this.#headers = new Headers(this.#fields);
      this.#fields = undefined;
    }
    return this.#headers;
  }

  get bodyUsed(): boolean {
    return this.#real?.bodyUsed ?? false;
  }

  /**
   * What an adapter writes, for a light response: `fields` while nobody has asked
   * for `headers` (after that, read those), `text` while the body is unread.
   * Why static: a `Response` member of that name could one day exist.
   */
  static partsOf(response: object): LightParts | undefined {
    if (!(#text in response)) return undefined;
    return { fields: response.#fields, text: response.bodyUsed ? undefined : response.#text };
  }

  /** The real `Response`, built once, for whatever the light fields do not cover. */
  static real(response: LightResponse): Response {
    response.#real ??= new Response(response.#text, { status: response.#status, headers: response.#headers ?? response.#fields ?? {} });
    return response.#real;
  }
}

export interface LightParts {
  /** Header fields, names in lower case; `undefined` once `headers` was asked for. */
  fields: Readonly<Record<string, string>> | undefined;
  /** The body text; `undefined` once the body was read. */
  text: string | undefined;
}

standIn(LightResponse, Response, (response) => LightResponse.real(response));
