import { briefHtml } from '../exports/brief-html.js';
import { briefPdf } from '../exports/brief-pdf.js';
import { csvTableLines, type TableCell, xlsxTableBuffer } from '../exports/tables.js';
import type { AttendanceReport } from './attendance-report.js';

/**
 * The report in the export formats, through the exports feature's writers (formula neutralising,
 * workbook, printable brief). With a grouping, the tables list the groups; without, the occurrences.
 */
const FIGURES = ['invited', 'going', 'maybe', 'declined', 'attended', 'walk-ins', 'attended (invited)', 'expected', 'difference', 'rate %'] as const;
type Figures = AttendanceReport['total'];
const figureCells = (f: Figures): TableCell[] =>
  [f.invited, f.going, f.maybe, f.declined, f.attended, f.walkIns, f.attendedInvited, f.expected, f.difference, f.rate === null ? null : Math.round(f.rate * 1000) / 10];

export function reportTable(report: AttendanceReport): { columns: string[]; rows: TableCell[][] } {
  if (report.groupBy !== 'none') {
    return { columns: [report.groupBy, 'occurrences', ...FIGURES], rows: report.groups.map((g) => [g.key, g.occurrences, ...figureCells(g)]) };
  }
  return {
    columns: ['date', 'title', 'module', 'community', 'occurrence', ...FIGURES, 'times corrected for a wrong device clock'],
    rows: report.rows.map((r) => [r.occurrenceAt, r.title, r.module, r.community, r.recurrenceId, ...figureCells(r), r.clockCorrected]),
  };
}

export function reportCsv(report: AttendanceReport): Generator<string> {
  const table = reportTable(report);
  return csvTableLines(table.columns, table.rows);
}

export function reportXlsx(report: AttendanceReport): Promise<Buffer> {
  const table = reportTable(report);
  return xlsxTableBuffer('Attendance', table.columns, table.rows, ['title']);
}

const rate = (f: Figures) => (f.rate === null ? 'no invitations' : `${Math.round(f.rate * 100)} % of invited came`);
const summary = (f: Figures) => `invited ${f.invited} · going ${f.going} · attended ${f.attended} (walk-ins ${f.walkIns}) · expected ${f.expected} · ${rate(f)}`;

/** As days of the printable brief: one section per group, one line per occurrence. */
function sections(report: AttendanceReport) {
  const keyOf = (r: AttendanceReport['rows'][number]) => (report.groupBy === 'module' ? r.module : report.groupBy === 'community' ? r.community ?? '(no community)' : report.groupBy === 'month' ? r.occurrenceAt.slice(0, 7) : report.groupBy === 'entry' ? r.title : 'all');
  const groups = report.groupBy === 'none' ? [{ key: 'all', ...report.total, occurrences: report.rows.length }] : report.groups;
  return groups.map((g) => ({
    date: g.key,
    label: report.groupBy === 'none' ? `Total: ${summary(g)}` : `${g.key}: ${summary(g)}`,
    items: report.rows.filter((r) => keyOf(r) === g.key).map((r) => ({
      time: r.occurrenceAt.slice(0, 16).replace('T', ' '), title: r.title, colour: '#2563eb',
      details: `${summary(r)}${r.clockCorrected ? ` · ${r.clockCorrected} time(s) corrected for a wrong device clock` : ''}`,
    })),
  }));
}

export const reportHtml = (report: AttendanceReport) => briefHtml(report.title, `${report.period} · total: ${summary(report.total)}`, sections(report));
export const reportPdf = (report: AttendanceReport) => briefPdf(report.title, `${report.period} · total: ${summary(report.total)}`, sections(report));
