// The part of the Workers runtime module the TCP connector uses (types from @cloudflare/workers-types would clash with DOM).
declare module 'cloudflare:sockets' {
  interface Socket {
    readonly readable: ReadableStream<Uint8Array>;
    readonly writable: WritableStream<Uint8Array>;
    readonly opened: Promise<unknown>;
    readonly closed: Promise<void>;
    close(): Promise<void>;
  }
  export function connect(address: { hostname: string; port: number }, options?: { secureTransport?: 'off' | 'on' | 'starttls' }): Socket;
}
