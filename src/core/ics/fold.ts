import type { ContentLine } from './content-line.js';
import type { IcsComponent } from './components.js';

/** TEXT escaping (RFC 5545 §3.3.11): backslash first, then ; and , and line breaks. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds one content line at 75 octets (continuations start with a space, which counts) without
 * splitting a UTF-8 character, and ends every physical line with CRLF.
 */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= 75) return `${line}\r\n`;
  let out = '';
  let current = '';
  let bytes = 0;
  let limit = 75;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (bytes + size > limit) {
      out += `${current}\r\n `;
      current = '';
      bytes = 0;
      limit = 74; // the leading space of a continuation is one of its 75 octets
    }
    current += ch;
    bytes += size;
  }
  return `${out}${current}\r\n`;
}

function quoteParam(v: string): string {
  // A parameter value cannot hold a line break or other control character (RFC 5545 §3.1): a name
  // with one would otherwise end the line and start a property of the writer's choosing.
  const safe = v.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  return /[:;,]/.test(safe) ? `"${safe.replace(/"/g, "'")}"` : safe;
}

/** NAME;PARAM=v:value (the value already in its written form). */
export function contentLine(name: string, value: string, params: Readonly<Record<string, string | readonly string[]>> = {}): string {
  let out = name;
  for (const [k, v] of Object.entries(params)) {
    const list = typeof v === 'string' ? [v] : v;
    out += `;${k}=${list.map(quoteParam).join(',')}`;
  }
  return `${out}:${value}`;
}

function writeParsed(cl: ContentLine): string {
  return contentLine(cl.name, cl.value, cl.params);
}

/** A component read from a file, written back (X- properties were dropped when it was read). */
export function componentText(c: IcsComponent): string {
  const lines: string[] = [];
  const walk = (x: IcsComponent) => {
    lines.push(`BEGIN:${x.name}`);
    for (const p of x.props) lines.push(writeParsed(p));
    for (const child of x.children) walk(child);
    lines.push(`END:${x.name}`);
  };
  walk(c);
  return lines.map(foldLine).join('');
}
