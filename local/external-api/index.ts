/**
 * A local stand-in for an external HTTP API, for `npm start`.
 * @module
 */
export { startExternalApi, type ExternalApi } from './start-external-api.ts';
