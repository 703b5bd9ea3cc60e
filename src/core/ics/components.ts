import { parseContentLine, type ContentLine } from './content-line.js';
import { DEFAULT_LIMITS, IcsError, type IcsLimits } from './errors.js';
import { LineUnfolder, type LogicalLine } from './unfold.js';

/** A component with its properties (X- properties dropped) and sub-components. */
export interface IcsComponent {
  readonly name: string;
  /** Line of its BEGIN. */
  readonly line: number;
  readonly props: ContentLine[];
  readonly children: IcsComponent[];
}

/** What the reader hands out, in file order, as soon as each is complete. */
export type IcsItem =
  | { readonly type: 'calendar-property'; readonly prop: ContentLine }
  | { readonly type: 'component'; readonly component: IcsComponent };

/** Calendar properties kept although they start with X- (the calendar's name and default zone). */
const KEPT_X = new Set(['X-WR-CALNAME', 'X-WR-TIMEZONE', 'X-WR-CALDESC']);

/**
 * Assembles content lines into components, checking that every BEGIN has its END. Only the
 * component being read is held: each top-level component (VEVENT, VTODO, VTIMEZONE …) is handed
 * out when its END arrives and forgotten by the reader.
 */
export class ComponentAssembler {
  private stack: IcsComponent[] = [];
  private components = 0;
  private sawCalendar = false;

  constructor(private readonly limits: IcsLimits = DEFAULT_LIMITS) {}

  push(cl: ContentLine): IcsItem | null {
    if (cl.name === 'BEGIN') return this.begin(cl);
    if (cl.name === 'END') return this.end(cl);
    const top = this.stack[this.stack.length - 1];
    if (!top) throw new IcsError(cl.line, `${cl.name} is outside BEGIN:VCALENDAR … END:VCALENDAR`);
    if (this.stack.length === 1) {
      if (cl.name.startsWith('X-') && !KEPT_X.has(cl.name)) return null;
      return { type: 'calendar-property', prop: cl };
    }
    if (!cl.name.startsWith('X-')) top.props.push(cl);
    return null;
  }

  private begin(cl: ContentLine): null {
    const name = cl.value.trim().toUpperCase();
    if (!name) throw new IcsError(cl.line, 'BEGIN without a component name');
    if (this.stack.length === 0 && name !== 'VCALENDAR') {
      throw new IcsError(cl.line, `BEGIN:${name} is outside BEGIN:VCALENDAR … END:VCALENDAR`);
    }
    if (this.stack.length >= this.limits.maxDepth) {
      throw new IcsError(cl.line, `components are nested deeper than the limit of ${this.limits.maxDepth}`);
    }
    if (++this.components > this.limits.maxComponents) {
      throw new IcsError(cl.line, `the file has more than the limit of ${this.limits.maxComponents} components`);
    }
    const component: IcsComponent = { name, line: cl.line, props: [], children: [] };
    this.stack[this.stack.length - 1]?.children.push(component);
    this.stack.push(component);
    if (name === 'VCALENDAR') this.sawCalendar = true;
    return null;
  }

  private end(cl: ContentLine): IcsItem | null {
    const name = cl.value.trim().toUpperCase();
    const top = this.stack[this.stack.length - 1];
    if (!top) throw new IcsError(cl.line, `END:${name} without a matching BEGIN`);
    if (top.name !== name) {
      throw new IcsError(top.line, `${top.name} begun on this line is never closed: END:${name} (line ${cl.line}) comes before END:${top.name}`);
    }
    this.stack.pop();
    if (this.stack.length !== 1) return null;
    const calendar = this.stack[0]!;
    calendar.children.pop(); // handed out, not kept
    return { type: 'component', component: top };
  }

  /** Call at the end of the input. */
  finish(lastLine: number): void {
    const open = this.stack[this.stack.length - 1];
    if (open) throw new IcsError(open.line, `${open.name} begun on this line is never closed: the file ends before END:${open.name}`);
    if (!this.sawCalendar) throw new IcsError(Math.max(1, lastLine), 'no BEGIN:VCALENDAR: this is not an iCalendar file');
  }
}

/**
 * Streams a file's top-level items: unfold → content lines → components. Lines are handled
 * synchronously within each chunk (an async step per line would cost more than the parsing).
 */
export async function* readIcsItems(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  limits: IcsLimits = DEFAULT_LIMITS,
): AsyncGenerator<IcsItem> {
  const unfolder = new LineUnfolder(limits);
  const assembler = new ComponentAssembler(limits);
  let lastLine = 0;
  let batch: IcsItem[] = [];
  const onLine = (logical: LogicalLine) => {
    lastLine = logical.line;
    const item = assembler.push(parseContentLine(logical));
    if (item) batch.push(item);
  };
  for await (const chunk of chunks) {
    unfolder.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk, onLine);
    if (batch.length) {
      const out = batch;
      batch = [];
      yield* out;
    }
  }
  unfolder.end(onLine);
  yield* batch;
  assembler.finish(lastLine);
}

export function prop(c: IcsComponent, name: string): ContentLine | undefined {
  return c.props.find((p) => p.name === name);
}

export function props(c: IcsComponent, name: string): ContentLine[] {
  return c.props.filter((p) => p.name === name);
}
