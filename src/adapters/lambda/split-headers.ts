export interface SplitHeaders {
  /** Every header but `Set-Cookie`, repeated values comma-joined. */
  single: Record<string, string>;
  /** Each `Set-Cookie` on its own: joining them would corrupt cookies with an `Expires` date. */
  cookies: string[];
}

export function splitHeaders(headers: Headers): SplitHeaders {
  const single: Record<string, string> = {};
  for (const [name, value] of headers) if (name !== 'set-cookie') single[name] = value;
  return { single, cookies: headers.getSetCookie() };
}

/** The same headers as lists, for results that use `multiValueHeaders`. */
export function toMultiValue({ single, cookies }: SplitHeaders): Record<string, string[]> {
  const multi: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(single)) multi[name] = [value];
  if (cookies.length > 0) multi['set-cookie'] = cookies;
  return multi;
}
