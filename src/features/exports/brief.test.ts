import { describe, expect, it } from 'vitest';
import { briefDays } from './brief-days.js';
import { briefPdf } from './brief-pdf.js';
import type { ViewRow } from './view-rows.js';

const row = (over: Partial<ViewRow>): ViewRow => ({
  title: 'Coordination meeting', start: '2026-03-02T09:00:00+08:00', end: '2026-03-02T10:00:00+08:00', allDay: false, module: 'coordination',
  kind: 'event', status: 'scheduled', priority: 'normal', calendar: 'Coordination', location: 'Cotabato City', community: null, organizer: 'Ana',
  busyOnly: false, colour: '#1d4ed8', ...over,
});

describe('the printable brief', () => {
  it('groups occurrences by day in the reader zone, with times in that zone', () => {
    const days = briefDays([row({}), row({ title: 'Late call', start: '2026-03-02T23:30:00+08:00', end: '2026-03-03T00:30:00+08:00' })], 'America/New_York');
    expect(days.map((d) => [d.date, d.items.map((i) => `${i.time} ${i.title}`)])).toEqual([
      ['2026-03-01', ['20:00–21:00 Coordination meeting']],
      ['2026-03-02', ['10:30–11:30 Late call']],
    ]);
  });

  it('writes a PDF holding the titles (uncompressed, so the text can be read back)', async () => {
    const pdf = await briefPdf('Calendar brief', '2026-03-01 – 2026-03-08', briefDays([row({}), row({ title: 'Field visit', allDay: true, start: '2026-03-03', end: '2026-03-04' })], 'Asia/Manila'), { compress: false });
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    // pdfkit writes each text run as hex glyph codes: look for the titles encoded that way.
    const hex = (s: string) => Buffer.from(s, 'latin1').toString('hex');
    expect(text.toLowerCase()).toContain(hex('Coordination'));
    expect(text.toLowerCase()).toContain(hex('Field visit').slice(0, 10));
  });
});
