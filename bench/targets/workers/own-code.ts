// Our own code alone, for its size: the core and the router, everything they export.
export * from '../../../src/core/index.ts';
export * from '../../../src/router/index.ts';
