import { ComponentAssembler } from './components.js';
import { parseContentLine } from './content-line.js';
import { IcsError } from './errors.js';
import { unfoldAll } from './unfold.js';
import { zoneFromVtimezone, type VtimezoneZone } from './vtimezone.js';

/**
 * The Zone of a stored VTIMEZONE text (IcsEntry.customTimeZone.vtimezone), read synchronously:
 * the range query and the exporter need it without a file stream. Throws IcsError for bad text.
 */
export function zoneFromVtimezoneText(text: string): VtimezoneZone {
  const assembler = new ComponentAssembler();
  const lines = unfoldAll(`BEGIN:VCALENDAR\r\n${text}\r\nEND:VCALENDAR\r\n`);
  for (const logical of lines) {
    const item = assembler.push(parseContentLine(logical));
    if (item?.type === 'component' && item.component.name === 'VTIMEZONE') return zoneFromVtimezone(item.component);
  }
  throw new IcsError(1, 'the text holds no VTIMEZONE');
}
