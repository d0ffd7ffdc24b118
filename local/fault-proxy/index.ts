/**
 * Fault injection for tests: an HTTP proxy (delays, status codes, malformed JSON, hangs) and
 * TCP-level faults (latency, silence, resets, trickled bodies, TLS to a plain port).
 * @module
 */
export { startFaultProxy, type FaultProxy } from './start-fault-proxy.ts';
export { startTcpFaults, type TcpFaults } from './tcp-faults.ts';
