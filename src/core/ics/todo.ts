import type { IcsComponent } from './components.js';
import { prop } from './components.js';
import { parseInteger, parseTime, unescapeText, type IcsTime } from './values.js';

/** A VTODO: never an event; the importer may offer it as a staff task. */
export interface ParsedTodo {
  readonly line: number;
  readonly uid: string | null;
  readonly summary: string | null;
  readonly description: string | null;
  readonly start: IcsTime | null;
  readonly due: IcsTime | null;
  readonly completed: IcsTime | null;
  readonly status: string | null;
  readonly percentComplete: number | null;
  readonly priority: number | null;
  readonly rrule: string | null;
}

export function parseTodo(c: IcsComponent): ParsedTodo {
  const time = (name: string) => {
    const cl = prop(c, name);
    return cl ? parseTime(cl) : null;
  };
  const int = (name: string) => {
    const cl = prop(c, name);
    return cl ? parseInteger(cl) : null;
  };
  const textOf = (name: string) => {
    const cl = prop(c, name);
    return cl ? unescapeText(cl.value) : null;
  };
  return {
    line: c.line,
    uid: prop(c, 'UID')?.value.trim() || null,
    summary: textOf('SUMMARY'),
    description: textOf('DESCRIPTION'),
    start: time('DTSTART'),
    due: time('DUE'),
    completed: time('COMPLETED'),
    status: prop(c, 'STATUS')?.value.trim().toUpperCase() ?? null,
    percentComplete: int('PERCENT-COMPLETE'),
    priority: int('PRIORITY'),
    rrule: prop(c, 'RRULE')?.value.trim() ?? null,
  };
}
