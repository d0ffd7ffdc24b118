/**
 * For people: a status page (`<base>/status`) and an SVG status badge
 * (`<base>/badge.svg`), both built on the readiness handler.
 * @module
 */
export { statusPage, pageHeaders, type StatusPageOptions } from './status-page.ts';
export { statusBadge, type StatusBadgeOptions } from './status-badge.ts';
export { renderBadge } from './render-badge.ts';
export { renderStatusPage, pageScriptSource } from './render-status-page.ts';
export { statusData, type CheckMemory, type StatusData, type StatusDependency } from './status-data.ts';
