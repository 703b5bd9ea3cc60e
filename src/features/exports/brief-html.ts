import type { BriefDay } from './brief-days.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const STYLE = `
body { font: 11pt/1.4 system-ui, sans-serif; color: #111827; margin: 2rem; }
h1 { font-size: 16pt; margin: 0 0 .25rem; } .window { color: #4b5563; margin: 0 0 1.5rem; }
h2 { font-size: 12pt; border-bottom: 1px solid #d1d5db; padding-bottom: .2rem; margin: 1.2rem 0 .4rem; }
ul { list-style: none; margin: 0; padding: 0; } li { display: flex; gap: .6rem; padding: .2rem 0; }
.chip { flex: none; width: .8rem; height: .8rem; border-radius: .2rem; margin-top: .25rem; }
.time { flex: none; width: 7.5rem; font-variant-numeric: tabular-nums; } .details { color: #4b5563; font-size: 9.5pt; }
@media print {
  body { margin: 0; font-size: 10pt; } h2 { break-after: avoid; } li { break-inside: avoid; }
  .chip { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  @page { margin: 15mm; }
}`;

/** The printable brief: one section per day, a colour chip per module, every text escaped. */
export function briefHtml(title: string, windowText: string, days: readonly BriefDay[]): string {
  const sections = days.map((day) => {
    const items = day.items.map((i) =>
      `<li><span class="chip" style="background:${escapeHtml(i.colour)}" aria-hidden="true"></span><span class="time">${escapeHtml(i.time)}</span>` +
      `<span><strong>${escapeHtml(i.title)}</strong>${i.details ? `<br><span class="details">${escapeHtml(i.details)}</span>` : ''}</span></li>`).join('\n');
    return `<section><h2>${escapeHtml(day.label)}</h2><ul>\n${items}\n</ul></section>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><h1>${escapeHtml(title)}</h1><p class="window">${escapeHtml(windowText)}</p>
${sections.length ? sections.join('\n') : '<p>Nothing is scheduled in this window.</p>'}
</body></html>
`;
}
