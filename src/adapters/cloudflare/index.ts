/**
 * Cloudflare Workers pieces: the operator's drain switch.
 * @module
 */
export { DrainSwitch, type DrainSwitchOptions, type FlagStore } from './drain-switch.ts';
