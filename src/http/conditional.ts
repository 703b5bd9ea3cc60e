import { z } from 'zod';
import { invalidField } from './problem.js';

/** The `If-Match` request header of a conditional change (RFC 9110 §13.1.1). */
export const IfMatchHeadersSchema = z.object({ 'if-match': z.string().max(100).optional() });

/**
 * The version an `If-Match` asks for: our ETags are the row's version, `"3"` (weak `W/"3"` and a bare
 * `3` accepted too). Absent or `*` means "whatever it is now" (null); anything else is refused with
 * 400 naming the header rather than silently ignored, which would lose the update it meant to guard.
 */
export function expectedVersionOf(ifMatch: string | undefined): number | null {
  if (ifMatch === undefined || ifMatch.trim() === '*') return null;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(ifMatch.trim());
  if (!match) throw invalidField('If-Match', 'must be the ETag you were given, such as "3"');
  return Number(match[1]);
}

const opaqueTag = (tag: string): string => tag.trim().replace(/^W\//, '');

/**
 * Whether an `If-None-Match` names the representation whose ETag is `etag` (RFC 9110 §13.1.2: a list
 * of entity tags compared weakly, or `*`): then a GET is answered 304 Not Modified.
 */
export function matchesNoneMatch(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const wanted = opaqueTag(etag);
  return ifNoneMatch.split(',').some((tag) => opaqueTag(tag) === wanted);
}
