import { IcsError } from '../../core/ics/index.js';

/** One top-level component of a calendar file, as its raw physical lines, with its first line number. */
export interface RawComponent {
  name: string;
  line: number;
  lines: Buffer[];
}

const TOP_LEVEL = new Set(['VEVENT', 'VTODO', 'VJOURNAL', 'VFREEBUSY', 'VTIMEZONE']);
const BEGIN = /^BEGIN:([A-Za-z0-9-]+)\s*$/;
const END = /^END:([A-Za-z0-9-]+)\s*$/;

async function* physicalLines(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<Buffer> {
  let rest: Buffer = Buffer.alloc(0);
  for await (const chunk of chunks) {
    let buffer = rest.length ? Buffer.concat([rest, chunk]) : Buffer.from(chunk);
    let at: number;
    while ((at = buffer.indexOf(10)) >= 0) {
      yield buffer.subarray(0, at + 1);
      buffer = buffer.subarray(at + 1);
    }
    rest = buffer;
  }
  if (rest.length) yield rest;
}

/**
 * Cuts a calendar file into its top-level components without reading them (BEGIN/END lines are
 * never folded), so `mode=report` can read each one on its own and go on past a broken one. A
 * component left open is handed out as it is when the next one begins; the reader then refuses it
 * at its BEGIN line. Only one component is held at a time.
 */
export async function* splitComponents(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, maxComponents: number): AsyncGenerator<RawComponent> {
  let current: RawComponent | null = null;
  let depth = 0;
  let lineNo = 0;
  let count = 0;
  for await (const raw of physicalLines(chunks)) {
    lineNo++;
    const head = raw.subarray(0, 40).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '');
    const begin = BEGIN.exec(head)?.[1]?.toUpperCase();
    const end = END.exec(head)?.[1]?.toUpperCase();
    if (begin && TOP_LEVEL.has(begin) && (current === null || depth > 0)) {
      if (current) yield current;
      if (++count > maxComponents) throw new IcsError(lineNo, `more than ${maxComponents} components`);
      current = { name: begin, line: lineNo, lines: [raw] };
      depth = 1;
      continue;
    }
    if (!current) continue;
    if (end === 'VCALENDAR' && depth > 0) {
      yield current;
      current = null;
      continue;
    }
    current.lines.push(raw);
    if (begin) depth++;
    if (end) depth--;
    if (depth === 0) {
      yield current;
      current = null;
    }
  }
  if (current) yield current;
}
