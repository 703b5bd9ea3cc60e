import { dav, el, NS, type XmlNode, xmlDocument } from './xml.js';

/**
 * A DAV refusal: the status, the precondition or postcondition element RFC 4918 §16 / RFC 4791 /
 * RFC 6578 name for it (clients act on those), and a sentence for people, sent as DAV:error.
 */
export class DavError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly condition: XmlNode | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'DavError';
  }
}

export const davError = (status: number, message: string, condition?: XmlNode | null) => new DavError(status, message, condition ?? null);
export const caldavCondition = (name: string, content?: XmlNode[]) => el(NS.CALDAV, name, content);
export const notFoundHere = () => davError(404, 'Nothing is here, or you may not see it.');

/** The body of a refusal: DAV:error holding the condition (if any) and the reason in words. */
export function davErrorBody(error: DavError): string {
  return xmlDocument(dav('error', [...(error.condition ? [error.condition] : []), el(NS.KALENDARYO, 'reason', error.message)]));
}
