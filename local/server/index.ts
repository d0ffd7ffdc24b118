/**
 * What every local HTTP tool shares: one `listen(handler)`, one free-port
 * probe, one gateway error with the body reader and JSON sender that go with it.
 * @module
 */
export { listen, type Handler, type Listening, type ListenOptions } from './listen.ts';
export { freePort } from './free-port.ts';
export { GatewayError, readBody, sendJson } from './gateway-http.ts';
