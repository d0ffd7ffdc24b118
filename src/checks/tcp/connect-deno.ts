import type { TcpConnector } from './tcp-check.ts';

interface DenoConn {
  readable: ReadableStream<Uint8Array>;
  writable: WritableStream<Uint8Array>;
  close(): void;
}
interface DenoNamespace {
  connect(options: { hostname: string; port: number; transport: 'tcp'; signal?: AbortSignal }): Promise<DenoConn>;
}

/** `Deno.connect`, which takes the signal itself. */
export const connectDeno: TcpConnector = async (target, signal) => {
  const deno = (globalThis as unknown as { Deno: DenoNamespace }).Deno;
  const conn = await deno.connect({ hostname: target.hostname, port: target.port, transport: 'tcp', signal });
  return { readable: conn.readable, writable: conn.writable, close: () => conn.close() };
};
