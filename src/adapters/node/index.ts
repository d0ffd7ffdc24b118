/**
 * The node:http adapter, for containers, VMs and Kubernetes, with drain on SIGTERM.
 * @module
 */
export { serve, type ServeOptions, type Served } from './serve.ts';
export { toRequest } from './to-request.ts';
export { writeResponse } from './write-response.ts';
