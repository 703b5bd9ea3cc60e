import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/context.js';
import { invalidField } from '../../http/problem.js';
import { MODULES } from '../entries/schemas.js';
import { type AttendanceReport, attendanceReport, entryAttendanceReport, GROUPINGS } from './attendance-report.js';
import { reportCsv, reportHtml, reportPdf, reportXlsx } from './report-output.js';
import { CountsSchema, EntryParamsSchema } from './schemas.js';

const tags = ['attendance'];
const FORMATS = ['json', 'csv', 'xlsx', 'pdf', 'html'] as const;
const ISO = z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time with offset' });
const ReportQuerySchema = z.strictObject({
  from: ISO, to: ISO,
  module: z.enum(MODULES).optional(),
  communityId: z.uuid('must be a UUID').optional(),
  groupBy: z.enum(GROUPINGS).default('module'),
  format: z.enum(FORMATS).default('json'),
});
const FigureFields = CountsSchema.shape;
const ReportSchema = z.object({
  title: z.string(), period: z.string(), groupBy: z.enum(GROUPINGS),
  rows: z.array(z.object({ entryId: z.uuid(), title: z.string(), module: z.string(), community: z.string().nullable(), recurrenceId: z.string().nullable(), occurrenceAt: z.string(), ...FigureFields,
    clockCorrected: z.number().int().describe("check-ins and outs whose time was corrected for a scanner's clock that was more than 10 minutes off") })),
  groups: z.array(z.object({ key: z.string(), occurrences: z.number().int(), ...FigureFields })),
  total: CountsSchema,
});
const MAX_PERIOD_MS = 3 * 366 * 86_400_000;

async function send(reply: FastifyReply, report: AttendanceReport, format: (typeof FORMATS)[number], name: string) {
  const attachment = (ext: string) => `attachment; filename="${name}.${ext}"`;
  switch (format) {
    case 'csv': return reply.type('text/csv; charset=utf-8').header('content-disposition', attachment('csv')).send(Readable.from(reportCsv(report)));
    case 'xlsx': return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', attachment('xlsx')).send(await reportXlsx(report));
    case 'pdf': return reply.type('application/pdf').header('content-disposition', attachment('pdf')).send(await reportPdf(report));
    case 'html': return reply.type('text/html; charset=utf-8').send(reportHtml(report));
    default: return report;
  }
}

export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { db: app.ctx.db };

  app.get('/api/v1/attendance/report', {
    schema: { tags, summary: 'Attendance across entries in a period, grouped by module, community, month or entry (json, csv, xlsx, pdf, html)', querystring: ReportQuerySchema, response: { 200: ReportSchema.or(z.any()) } },
  }, async (request, reply) => {
    const { format, ...filters } = request.query;
    if (new Date(filters.to) <= new Date(filters.from)) throw invalidField('to', 'must be after from');
    if (new Date(filters.to).getTime() - new Date(filters.from).getTime() > MAX_PERIOD_MS) throw invalidField('to', 'the period may be at most three years');
    return send(reply, await attendanceReport(deps, requireActor(request), filters), format, 'attendance');
  });

  app.get('/api/v1/entries/:id/attendance/report', {
    schema: { tags, summary: 'Attendance of one entry, one row per occurrence (json, csv, xlsx, pdf, html)', params: EntryParamsSchema, querystring: z.strictObject({ format: z.enum(FORMATS).default('json') }), response: { 200: ReportSchema.or(z.any()) } },
  }, async (request, reply) => send(reply, await entryAttendanceReport(deps, requireActor(request), request.params.id), request.query.format, 'attendance-entry'));
};
