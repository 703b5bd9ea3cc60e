import ExcelJS from 'exceljs';
import { TABLE_COLUMNS, tableCells, type ViewRow } from './view-rows.js';

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @ first; also tab and CR, which some
 * programs skip) is neutralised with a leading single quote (OWASP "CSV injection").
 */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export type TableCell = string | boolean | number | null;

function csvField(value: TableCell): string {
  const text = value === null ? '' : typeof value === 'boolean' ? (value ? 'yes' : 'no') : typeof value === 'number' ? String(value) : neutralise(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Any table as RFC 4180 CSV: header row, CRLF line ends, a UTF-8 BOM so spreadsheet programs read the accents. */
export function* csvTableLines(columns: readonly string[], rows: Iterable<readonly TableCell[]>): Generator<string> {
  yield `\uFEFF${columns.map(csvField).join(',')}\r\n`;
  for (const row of rows) yield `${row.map(csvField).join(',')}\r\n`;
}

/** The calendar table as CSV. */
export function csvLines(rows: Iterable<ViewRow>): Generator<string> {
  return csvTableLines(TABLE_COLUMNS, cellsOf(rows));
}

function* cellsOf(rows: Iterable<ViewRow>): Generator<TableCell[]> {
  for (const row of rows) yield tableCells(row);
}

/** Any table as an .xlsx workbook (one sheet, header row frozen; numbers stay numbers). */
export async function xlsxTableBuffer(sheetName: string, columns: readonly string[], rows: Iterable<readonly TableCell[]>, wide: readonly string[] = []): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kalendaryo';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((header) => ({ header, key: header, width: wide.includes(header) ? 40 : 22 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((v) => (typeof v === 'string' ? neutralise(v) : v)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The calendar table as an .xlsx workbook. */
export function xlsxBuffer(rows: Iterable<ViewRow>): Promise<Buffer> {
  return xlsxTableBuffer('Calendar', TABLE_COLUMNS, cellsOf(rows), ['title']);
}
