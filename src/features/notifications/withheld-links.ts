import { escapeHtml } from './templates.js';

/**
 * Stands in for a participant's reply link in mail kept in the database (the mail outbox): the link
 * is a signed token that answers for that person, so it is never stored; it is made again from the
 * notification (participant, entry, expiry) only when an administrator reads the outbox.
 */
export const WITHHELD_LINK = '{{reply-link}}';

/** The message's text and HTML with the link taken out. */
export function withholdLink(message: { text: string; html: string }, url: string | null | undefined): { text: string; html: string } {
  if (!url) return message;
  return { text: message.text.replaceAll(url, WITHHELD_LINK), html: message.html.replaceAll(escapeHtml(url), WITHHELD_LINK).replaceAll(url, WITHHELD_LINK) };
}

/** Puts a link made now back where it was withheld (or says it cannot be made). */
export function restoreLink(message: { text: string; html: string }, url: string | null): { text: string; html: string } {
  const shown = url ?? '(reply link not available)';
  return { text: message.text.replaceAll(WITHHELD_LINK, shown), html: message.html.replaceAll(WITHHELD_LINK, escapeHtml(shown)) };
}
