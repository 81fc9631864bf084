/** What a message may carry: shown in the form and enforced on the server (type by content, not by name). */
export const ATTACHMENT_RULES = { maxBytes: 10 * 1024 * 1024, allowed: ['pdf', 'png', 'jpeg'] } as const
export const MAX_ATTACHMENTS = 5
