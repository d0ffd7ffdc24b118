/**
 * The TCP check for Deno (Deno.connect). The package's export conditions
 * (`workerd`, `deno`, default) pick the entry, so no runtime's socket module
 * reaches another runtime's bundle.
 * @module
 */
import { connectDeno } from './connect-deno.ts';
import type { Check } from '../../core/index.ts';
import { createTcpCheck, type TcpCheckOptions } from './tcp-check.ts';

export type { TcpCheckOptions, TcpConnection, TcpConnector } from './tcp-check.ts';

/**
 * A TCP check: connect to `host:port`, optionally send a probe and expect a reply prefix.
 *
 * @example
 * ```ts
 * tcpCheck({ name: 'redis', host: '10.0.0.5', port: 6379, send: 'PING\r\n', expect: '+PONG' })
 * ```
 */
export const tcpCheck: (options: TcpCheckOptions) => Check = createTcpCheck(connectDeno);
