const TEXT = /^(?:text\/|[\w.-]+\/(?:[\w.-]+\+)?(?:json|xml)\b|application\/(?:x-)?(?:java|ecma)script\b)/i;

/** Bodies Lambda can return as plain text; anything else goes back base64-encoded. */
export const isTextContentType = (contentType: string): boolean => TEXT.test(contentType.trim());
