import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { requireActor } from '../../http/context.js';
import { queryCalendar } from '../calendar/query-calendar.js';
import { type CalendarQuery, CalendarQuerySchema } from '../calendar/schemas.js';
import { briefDays } from './brief-days.js';
import { briefHtml } from './brief-html.js';
import { briefPdf } from './brief-pdf.js';
import { resolveExportView } from './export-view.js';
import { exportIcs } from './ics-export.js';
import { csvLines, xlsxBuffer } from './tables.js';
import { viewRows } from './view-rows.js';

const FileResponse = { 200: z.any() };
const TAGS = ['calendar'];
const POLICY = 'Only what you may see; private entries of others are busy-only ("Busy", no details).';

/** `kalendaryo-2026-03-01-2026-04-01.ics`: the window in the name, nothing from the user's text. */
function fileName(query: CalendarQuery, ext: string): string {
  const day = (s: string) => s.slice(0, 10).replace(/[^0-9-]/g, '');
  return `kalendaryo-${day(query.start)}-${day(query.end)}.${ext}`;
}

const attachment = (query: CalendarQuery, ext: string) => `attachment; filename="${fileName(query, ext)}"`;
const windowText = (q: CalendarQuery, zone: string) => `${q.start} – ${q.end} (times in ${zone})`;

export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, now } = app.ctx;

  app.get('/api/v1/calendar.json', {
    schema: { tags: TAGS, summary: 'Download the filtered view as JSON (the event objects of GET /api/v1/calendar)', description: POLICY, querystring: CalendarQuerySchema, response: FileResponse },
  }, async (request, reply) => {
    const events = await queryCalendar(database, requireActor(request), request.query);
    return reply.type('application/json; charset=utf-8').header('content-disposition', attachment(request.query, 'json')).send(JSON.stringify(events) as never);
  });

  app.get('/api/v1/calendar.ics', {
    schema: {
      tags: TAGS,
      summary: 'Download the filtered view as iCalendar (RFC 5545): series stay series, overrides as RECURRENCE-ID, a VTIMEZONE per zone',
      description: `${POLICY} Streamed: entries are read and written a page at a time.`,
      querystring: CalendarQuerySchema, response: FileResponse,
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const view = await resolveExportView(database, actor, request.query);
    const body = Readable.from(exportIcs(database, actor, view, 'Kalendaryo', now()));
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', attachment(request.query, 'ics')).send(body);
  });

  app.get('/api/v1/calendar.csv', {
    schema: { tags: TAGS, summary: 'Download the occurrences of the filtered view as CSV', description: `${POLICY} Cells starting with = + - @ are prefixed with a quote.`, querystring: CalendarQuerySchema, response: FileResponse },
  }, async (request, reply) => {
    const rows = await viewRows(database, requireActor(request), request.query);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', attachment(request.query, 'csv')).send(Readable.from(csvLines(rows)));
  });

  app.get('/api/v1/calendar.xlsx', {
    schema: { tags: TAGS, summary: 'Download the occurrences of the filtered view as an Excel workbook', description: `${POLICY} Cells starting with = + - @ are prefixed with a quote.`, querystring: CalendarQuerySchema, response: FileResponse },
  }, async (request, reply) => {
    const rows = await viewRows(database, requireActor(request), request.query);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', attachment(request.query, 'xlsx'))
      .send(await xlsxBuffer(rows));
  });

  app.get('/api/v1/calendar/brief.html', {
    schema: { tags: TAGS, summary: 'A printable brief of the filtered view (HTML print view, grouped by day, times in your zone)', description: POLICY, querystring: CalendarQuerySchema, response: FileResponse },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const zone = request.query.timeZone ?? actor.timeZone;
    const days = briefDays(await viewRows(database, actor, request.query), zone);
    return reply.type('text/html; charset=utf-8').header('content-disposition', `inline; filename="${fileName(request.query, 'html')}"`)
      .send(briefHtml('Calendar brief', windowText(request.query, zone), days));
  });

  app.get('/api/v1/calendar/brief.pdf', {
    schema: { tags: TAGS, summary: 'The printable brief of the filtered view as PDF', description: POLICY, querystring: CalendarQuerySchema, response: FileResponse },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const zone = request.query.timeZone ?? actor.timeZone;
    const days = briefDays(await viewRows(database, actor, request.query), zone);
    const pdf = await briefPdf('Calendar brief', windowText(request.query, zone), days, { compress: true });
    return reply.type('application/pdf').header('content-disposition', attachment(request.query, 'pdf')).send(pdf);
  });
};
