import { CheckError, ConfigError, defineCheck, type Check, type CheckOptions, type CheckResult } from '../../core/index.ts';

/** An open TCP connection, as web streams: the shape `cloudflare:sockets`, Deno and Node's `Duplex.toWeb` share. */
export interface TcpConnection {
  readonly readable: ReadableStream<Uint8Array>;
  readonly writable: WritableStream<Uint8Array>;
  close(): unknown;
}

/** Opens a connection, or rejects (with the signal's reason once it aborts). One per runtime. */
export type TcpConnector = (target: { hostname: string; port: number }, signal: AbortSignal) => Promise<TcpConnection>;

export interface TcpCheckOptions extends Omit<CheckOptions, 'name'> {
  /** @default 'tcp' */
  name?: string;
  /** Host name or IP address. */
  host: string;
  port: number;
  /**
   * Bytes to send once connected, as text, sent as given (include the line ending, e.g. `'PING\r\n'`).
   * @default undefined (nothing is sent)
   */
  send?: string;
  /**
   * The text the server's first bytes must start with: a banner, or the reply to `send`.
   * @default undefined (a completed connection is healthy)
   */
  expect?: string;
  /** How to connect. @default the runtime's own (chosen by the package's export conditions) */
  connect?: TcpConnector;
}

/**
 * The TCP check, bound to a runtime's connector: connect to `host:port`,
 * optionally send a probe and expect a reply prefix; the connection is closed
 * when the check ends or its deadline passes.
 */
export function createTcpCheck(runtimeConnect: TcpConnector): (options: TcpCheckOptions) => Check {
  return (options) => {
    const name = options.name ?? 'tcp';
    const target = validTarget(name, options);
    const connect = options.connect ?? runtimeConnect;
    return defineCheck({
      ...options,
      componentType: options.componentType ?? 'system',
      name,
      async run(signal): Promise<CheckResult> {
        const connection = await connect(target, signal);
        const close = (): void => void Promise.resolve(connection.close()).catch(() => {});
        signal.addEventListener('abort', close, { once: true });
        try {
          if (options.send !== undefined) await sendText(connection, options.send);
          if (options.expect !== undefined) await expectPrefix(connection, options.expect);
          return { status: 'healthy' };
        } catch (error) {
          throw signal.aborted ? signal.reason : error;
        } finally {
          signal.removeEventListener('abort', close);
          close();
        }
      },
    });
  };
}

function validTarget(name: string, options: TcpCheckOptions): { hostname: string; port: number } {
  if (typeof options.host !== 'string' || options.host.trim() === '' || /[\s/]/.test(options.host)) {
    throw new ConfigError(`Check "${name}": host must be a host name or an IP address.`);
  }
  if (!Number.isInteger(options.port) || options.port < 1 || options.port > 65_535) {
    throw new ConfigError(`Check "${name}": port must be a whole number from 1 to 65535, got ${JSON.stringify(options.port)}.`);
  }
  if (options.expect === '') throw new ConfigError(`Check "${name}": expect must not be empty.`);
  return { hostname: options.host.trim(), port: options.port };
}

async function sendText(connection: TcpConnection, text: string): Promise<void> {
  const writer = connection.writable.getWriter();
  try {
    await writer.write(new TextEncoder().encode(text));
  } finally {
    writer.releaseLock();
  }
}

/** Reads until `expected.length` bytes have arrived (or the server hangs up), then compares. */
async function expectPrefix(connection: TcpConnection, expected: string): Promise<void> {
  const want = new TextEncoder().encode(expected);
  const got = new Uint8Array(want.length);
  let filled = 0;
  const reader = connection.readable.getReader();
  try {
    while (filled < want.length) {
      const { done, value } = await reader.read();
      if (done) break;
      const chunk = value.subarray(0, want.length - filled);
      got.set(chunk, filled);
      filled += chunk.length;
    }
  } finally {
    reader.releaseLock();
  }
  if (filled === want.length && got.every((byte, i) => byte === want[i])) return;
  const what = filled < want.length ? `closed the connection after ${filled} bytes` : 'answered something else';
  throw new CheckError('unexpected_response', `expected a reply starting with ${JSON.stringify(expected)}; the server ${what}`, {
    details: { received_bytes: filled },
  });
}
