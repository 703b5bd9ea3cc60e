import ExcelJS from 'exceljs';
import { TABLE_COLUMNS, tableCells, type ViewRow } from './view-rows.js';

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @ first; also tab and CR, which some
 * programs skip) is neutralised with a leading single quote (OWASP "CSV injection").
 */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvField(value: string | boolean): string {
  const text = typeof value === 'boolean' ? (value ? 'yes' : 'no') : neutralise(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV with a header row and CRLF line ends, a UTF-8 BOM so spreadsheet programs read the accents. */
export function* csvLines(rows: Iterable<ViewRow>): Generator<string> {
  yield `\uFEFF${TABLE_COLUMNS.join(',')}\r\n`;
  for (const row of rows) yield `${tableCells(row).map(csvField).join(',')}\r\n`;
}

/** The same table as an .xlsx workbook (one sheet, header row frozen). */
export async function xlsxBuffer(rows: Iterable<ViewRow>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kalendaryo';
  const sheet = workbook.addWorksheet('Calendar', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = TABLE_COLUMNS.map((header) => ({ header, key: header, width: header === 'title' ? 40 : 22 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(tableCells(row).map((v) => (typeof v === 'boolean' ? v : neutralise(v))));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
