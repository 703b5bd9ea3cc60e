import PDFDocument from 'pdfkit';
import type { BriefDay } from './brief-days.js';

/**
 * The printable brief as a PDF (A4, the same days and items as the HTML). pdfkit's standard
 * Helvetica covers Latin-1 only: other characters are printed as "?" rather than failing.
 */
export function briefPdf(title: string, windowText: string, days: readonly BriefDay[], options: { compress?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 48, compress: options.compress ?? true, info: { Title: title, Creator: 'Kalendaryo' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const latin1 = (text: string) => text.replace(/[^\u0000-\u00ff–]/g, '?');
  doc.font('Helvetica-Bold').fontSize(16).text(latin1(title));
  doc.font('Helvetica').fontSize(10).fillColor('#4b5563').text(latin1(windowText)).moveDown();
  if (days.length === 0) doc.fillColor('#111827').text('Nothing is scheduled in this window.');
  for (const day of days) {
    doc.moveDown(0.5).font('Helvetica-Bold').fontSize(12).fillColor('#111827').text(latin1(day.label));
    for (const item of day.items) {
      const y = doc.y;
      doc.rect(doc.page.margins.left, y + 2, 7, 7).fill(item.colour);
      doc.fillColor('#111827').font('Helvetica').fontSize(10).text(latin1(item.time), doc.page.margins.left + 14, y, { width: 80 });
      doc.font('Helvetica-Bold').text(latin1(item.title), doc.page.margins.left + 100, y);
      if (item.details) doc.font('Helvetica').fontSize(9).fillColor('#4b5563').text(latin1(item.details), doc.page.margins.left + 100);
      doc.x = doc.page.margins.left;
      doc.moveDown(0.3);
    }
  }
  doc.end();
  return done;
}
