import { componentText } from './fold.js';
import { mapEvent, mapTodo, type IcsEntry, type IcsTask } from './mapping.js';
import { readIcs, type ReadIcsOptions } from './reader.js';

export type IcsImportRecord =
  | { readonly type: 'calendar-property'; readonly name: string; readonly value: string }
  | { readonly type: 'entry'; readonly entry: IcsEntry }
  | { readonly type: 'task'; readonly task: IcsTask }
  | { readonly type: 'skipped'; readonly component: string; readonly line: number; readonly uid: string | null };

/**
 * The importer's door: a file stream in, entry-shaped records out, one per VEVENT (masters and
 * overrides alike; link them by uid + recurrenceId), tasks for VTODOs, and calendar properties
 * (X-WR-CALNAME …). Throws IcsError with the line at fault: the caller must then roll back what it
 * wrote, since a refused file imports nothing.
 */
export async function* readIcsEntries(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: ReadIcsOptions,
): AsyncGenerator<IcsImportRecord> {
  const vtimezones = new Map<string, string>();
  for await (const record of readIcs(chunks, options)) {
    switch (record.type) {
      case 'calendar-property':
        yield { type: 'calendar-property', name: record.name, value: record.value };
        break;
      case 'timezone':
        vtimezones.set(record.tzid, componentText(record.component));
        break;
      case 'event':
        yield { type: 'entry', entry: mapEvent(record.event, vtimezones) };
        break;
      case 'todo':
        yield { type: 'task', task: mapTodo(record.todo) };
        break;
      case 'other':
        yield { type: 'skipped', component: record.name, line: record.line, uid: record.uid };
    }
  }
}
