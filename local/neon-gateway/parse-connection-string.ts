import { GatewayError } from '../server/index.ts';

/** Where one request's SQL goes, from its `Neon-Connection-String` header. */
export interface DatabaseTarget {
  /** The header value itself: the pool key. Never shown or logged. */
  readonly key: string;
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string | undefined;
  readonly database: string;
  readonly applicationName: string | undefined;
  readonly options: string | undefined;
  /** Values to scrub from anything the gateway answers. */
  readonly secrets: readonly string[];
}

const fail = (reason: string): never => {
  throw new GatewayError(
    400,
    `${reason}. Send postgres://user:password@host:port/database in the Neon-Connection-String header, as @neondatabase/serverless does.`,
  );
};

/**
 * Parses the `Neon-Connection-String` header. TLS parameters (`sslmode`,
 * `channel_binding`, …) are ignored: the gateway speaks plain TCP to a local
 * database, as Neon's proxy does inside its own network.
 */
export function parseConnectionString(header: string | string[] | undefined): DatabaseTarget {
  if (Array.isArray(header)) return fail('Several Neon-Connection-String headers');
  if (header === undefined || header.trim() === '') return fail('Missing connection string');
  let url: URL;
  try {
    url = new URL(header);
  } catch {
    return fail('Invalid connection string: not a URL');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') return fail('Incorrect scheme');
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const user = decode(url.username);
  const database = decode(url.pathname.replace(/^\//, ''));
  if (host === '') return fail('Missing hostname');
  if (user === '') return fail('Missing username');
  if (database === '') return fail('Missing database name');
  const port = url.port === '' ? 5432 : Number(url.port);
  const password = url.password === '' ? undefined : decode(url.password);
  return {
    key: header,
    host,
    port,
    user,
    password,
    database,
    applicationName: url.searchParams.get('application_name') ?? undefined,
    options: url.searchParams.get('options') ?? undefined,
    secrets: [header, ...(password === undefined ? [] : [password, url.password])],
  };
}

function decode(component: string): string {
  try {
    return decodeURIComponent(component);
  } catch {
    return fail('Invalid connection string: bad percent-encoding');
  }
}
