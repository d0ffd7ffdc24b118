/**
 * The external HTTP API check.
 * @module
 */
export { httpCheck, type HttpCheckOptions } from './http-check.ts';
