import { IcsError } from './errors.js';
import type { LogicalLine } from './unfold.js';

/** A parsed content line: NAME;PARAM=v1,v2:VALUE (names upper-cased, parameter values unquoted). */
export interface ContentLine {
  readonly name: string;
  readonly params: Readonly<Record<string, readonly string[]>>;
  readonly value: string;
  readonly line: number;
}

/** A-Z a-z 0-9 and '-' (char codes, not a regex per character: this runs for every line). */
function isNameChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45;
}

/**
 * Splits a content line (RFC 5545 §3.1). Parameter values may be quoted and then hold ':', ';' and
 * ',' (CN="Usman, Norhaida", an ALTREP URL), so the first ':' outside quotes ends the parameters.
 * A line without that ':' (often an unescaped line break inside a value) is refused at its line.
 */
export function parseContentLine({ line, text }: LogicalLine): ContentLine {
  // RFC 5545 allows no control character but HTAB; NUL is the one that breaks storage (PostgreSQL
  // text cannot hold it), so it is refused here with its line instead of failing in the database.
  if (text.includes('\u0000')) throw new IcsError(line, 'content line contains a NUL character (\\u0000), which iCalendar does not allow');
  let i = 0;
  while (i < text.length && isNameChar(text.charCodeAt(i))) i++;
  const name = text.slice(0, i).toUpperCase();
  if (i === text.length || (text[i] !== ':' && text[i] !== ';')) {
    throw new IcsError(line, noColonReason(text, name, i));
  }
  if (name === '') throw new IcsError(line, `content line has no property name before "${text[i]}"`);
  const params: Record<string, string[]> = {};
  while (text[i] === ';') {
    i++;
    const start = i;
    while (i < text.length && isNameChar(text.charCodeAt(i))) i++;
    const paramName = text.slice(start, i).toUpperCase();
    if (paramName === '' || text[i] !== '=') {
      throw new IcsError(line, `parameter of ${name} is not NAME=VALUE`);
    }
    i++;
    const values: string[] = [];
    for (;;) {
      if (text[i] === '"') {
        const close = text.indexOf('"', i + 1);
        if (close < 0) throw new IcsError(line, `quoted value of parameter ${paramName} is never closed`);
        values.push(text.slice(i + 1, close));
        i = close + 1;
      } else {
        const start2 = i;
        while (i < text.length && text[i] !== ',' && text[i] !== ';' && text[i] !== ':' && text[i] !== '"') i++;
        values.push(text.slice(start2, i));
      }
      if (text[i] !== ',') break;
      i++;
    }
    params[paramName] = values;
  }
  if (text[i] !== ':') throw new IcsError(line, noColonReason(text, name, i));
  return { name, params, value: text.slice(i + 1), line };
}

function noColonReason(text: string, name: string, at: number): string {
  if (at >= text.length) return `content line has no ":" between name and value: "${text.slice(0, 60)}"`;
  return `content line has no ":" after its name ${name ? `"${name}" ` : ''}(found "${text[at]}"): "${text.slice(0, 60)}"`;
}

export function param(cl: ContentLine, name: string): string | undefined {
  return cl.params[name]?.[0];
}
