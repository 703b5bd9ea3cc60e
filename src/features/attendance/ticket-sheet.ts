import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { escapeHtml } from '../exports/brief-html.js';
import { qrPng } from './issue-codes.js';

export interface SheetTicket { name: string; organisation: string | null; code: string }

const latin1 = (text: string) => text.replace(/[^\u0000-\u00ff]/g, '?');

/** A page of tickets to cut out (HTML print view): QR, name, organisation, six to a page. */
export async function ticketSheetHtml(title: string, when: string, tickets: readonly SheetTicket[]): Promise<string> {
  const cards = await Promise.all(tickets.map(async (t) => `<figure><img alt="QR ticket of ${escapeHtml(t.name)}" src="${await QRCode.toDataURL(t.code, { errorCorrectionLevel: 'M', margin: 2, width: 240 })}">
<figcaption><strong>${escapeHtml(t.name)}</strong>${t.organisation ? `<br>${escapeHtml(t.organisation)}` : ''}</figcaption></figure>`));
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tickets — ${escapeHtml(title)}</title><style>
body { font: 11pt/1.3 system-ui, sans-serif; margin: 1.5rem; } h1 { font-size: 15pt; margin: 0; } p { color: #4b5563; margin: .2rem 0 1rem; }
main { display: grid; grid-template-columns: repeat(2, 1fr); gap: 1rem; } figure { margin: 0; border: 1px dashed #9ca3af; padding: .8rem; text-align: center; break-inside: avoid; }
img { width: 55mm; height: 55mm; image-rendering: pixelated; } @media print { body { margin: 0; } @page { margin: 12mm; } }
</style></head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(when)} · show this ticket at the entrance</p><main>${cards.join('\n')}</main></body></html>`;
}

/** The same sheet as an A4 PDF, six tickets a page. */
export async function ticketSheetPdf(title: string, when: string, tickets: readonly SheetTicket[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 36, info: { Title: `Tickets — ${latin1(title)}`, Creator: 'Kalendaryo' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const images = await Promise.all(tickets.map((t) => qrPng(t.code)));
  const cellW = (doc.page.width - 72) / 2;
  const cellH = 240;
  tickets.forEach((t, i) => {
    const slot = i % 6;
    if (i > 0 && slot === 0) doc.addPage();
    if (slot === 0) doc.font('Helvetica-Bold').fontSize(13).fillColor('#111827').text(latin1(`${title} — ${when}`), 36, 30);
    const x = 36 + (slot % 2) * cellW;
    const y = 56 + Math.floor(slot / 2) * cellH;
    doc.rect(x + 4, y + 4, cellW - 8, cellH - 8).dash(3, { space: 3 }).strokeColor('#9ca3af').stroke().undash();
    doc.image(images[i]!, x + (cellW - 170) / 2, y + 12, { width: 170 });
    doc.font('Helvetica-Bold').fontSize(11).fillColor('#111827').text(latin1(t.name), x + 10, y + 188, { width: cellW - 20, align: 'center' });
    if (t.organisation) doc.font('Helvetica').fontSize(9).fillColor('#4b5563').text(latin1(t.organisation), x + 10, y + 204, { width: cellW - 20, align: 'center' });
  });
  if (tickets.length === 0) doc.font('Helvetica').fontSize(11).text('This event has no participants yet.', 36, 56);
  doc.end();
  return done;
}
