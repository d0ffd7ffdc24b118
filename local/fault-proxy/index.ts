/**
 * A fault-injecting HTTP proxy for tests: delays, status codes, malformed JSON, hangs.
 * @module
 */
export { startFaultProxy, type FaultProxy } from './start-fault-proxy.ts';
