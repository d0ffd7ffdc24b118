/**
 * Status-change events: a listener for `onStatusChange` that POSTs each
 * transition to a webhook (Slack-compatible), without ever touching an answer.
 * @module
 */
export { isNewsworthy, isWebhookUrl, statusEvent, statusWebhook, WEBHOOK_TIMEOUT_MS, type StatusEvent, type StatusWebhookOptions } from './status-webhook.ts';
