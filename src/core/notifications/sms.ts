/**
 * Cutting a message to one SMS: 160 characters of the GSM 03.38 alphabet (its extension characters
 * take two), or 70 UCS-2 code units as soon as one character is outside it. Cut at a word boundary
 * when one is near, and mark the cut with "...".
 */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '^{}\\[~]|€\f';
const basic = new Set(GSM_BASIC);
const extended = new Set(GSM_EXTENDED);

export const GSM_LIMIT = 160;
export const UCS2_LIMIT = 70;
const MARK = '...';

export function isGsm7(text: string): boolean {
  for (const ch of text) if (!basic.has(ch) && !extended.has(ch)) return false;
  return true;
}

function unitsIn(text: string, encoding: 'gsm7' | 'ucs2'): number {
  if (encoding === 'ucs2') return text.length;
  let units = 0;
  for (const ch of text) units += extended.has(ch) ? 2 : 1;
  return units;
}

/** Septets a GSM-7 text needs, or UTF-16 code units for UCS-2, and the one-SMS limit of that encoding. */
export function smsLength(text: string): { encoding: 'gsm7' | 'ucs2'; units: number; limit: number } {
  const encoding = isGsm7(text) ? 'gsm7' : 'ucs2';
  return { encoding, units: unitsIn(text, encoding), limit: encoding === 'gsm7' ? GSM_LIMIT : UCS2_LIMIT };
}

export function cutToOneSms(input: string): string {
  const text = input.replace(/\s+/g, ' ').trim();
  const { encoding, units, limit } = smsLength(text);
  if (units <= limit) return text;
  const budget = limit - MARK.length;
  let kept = '';
  let used = 0;
  // Iterating code points never splits a surrogate pair.
  for (const ch of text) {
    const cost = unitsIn(ch, encoding);
    if (used + cost > budget) break;
    kept += ch;
    used += cost;
  }
  const space = kept.lastIndexOf(' ');
  if (space > 0 && space >= kept.length - 15) kept = kept.slice(0, space);
  return kept.trimEnd() + MARK;
}
