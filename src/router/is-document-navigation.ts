/**
 * A person's browser opening the URL itself (typed, clicked, reloaded): both
 * Fetch Metadata headers say so. Why not `Accept: text/html`: uptime monitors
 * send browser-like Accept headers and expect the JSON; only real browsers set
 * Sec-Fetch-*, and a fetch() or an <img> never says `navigate` + `document`.
 */
export function isDocumentNavigation(request: Request): boolean {
  return request.headers.get('Sec-Fetch-Mode') === 'navigate' && request.headers.get('Sec-Fetch-Dest') === 'document';
}
