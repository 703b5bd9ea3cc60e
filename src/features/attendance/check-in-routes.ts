import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestHash } from '../../core/idempotency/request-hash.js';
import { requireActor } from '../../http/context.js';
import { idempotencyKeyReused } from '../../http/problem.js';
import { formatInZone } from '../entries/times.js';
import { checkInBatch } from './check-in-batch.js';
import {
  CheckInBatchResultSchema, CheckInBatchSchema, CodeQuerySchema, IssuedCodeSchema, MarkAttendanceSchema, SelfCheckInSchema, SheetQuerySchema,
} from './check-in-schemas.js';
import { issueEventCode, issueTicket, issueTicketSheet, qrPng } from './issue-codes.js';
import { markAttendance, setExpected } from './mark-attendance.js';
import { peekEntryId } from './codes.js';
import { registerWalkIn } from './register-walk-in.js';
import { EntryParamsSchema, ExpectedBodySchema, ParticipantParamsSchema, ParticipantSchema, WalkInSchema } from './schemas.js';
import { presentParticipant } from './presenter.js';
import { ticketSheetHtml, ticketSheetPdf } from './ticket-sheet.js';

const tags = ['attendance'];
const binary = z.any().describe('image/png');

export const checkInRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const deps = { db: ctx.db, signingKey: ctx.signingKey, now: ctx.now };

  app.post('/api/v1/attendance/check-ins', {
    schema: { tags, summary: 'Offline-safe batch of scans (check-in/out by ticket, event code or participant id); each scan gets its own result', body: CheckInBatchSchema, response: { 200: CheckInBatchResultSchema } },
  }, async (request) => checkInBatch(deps, requireActor(request), request.body.deviceId ?? null, request.body.scans, request.body.deviceTime ?? null));

  app.post('/api/v1/attendance/self-check-in', {
    schema: { tags, summary: 'Check yourself in by scanning the event code shown at the venue (429 after too many forged codes)', description: 'idempotencyKey answers a resend with the first result; the same key with another body is 422.', body: SelfCheckInSchema, response: { 200: CheckInBatchResultSchema.shape.results.element } },
  }, async (request) => {
    const { eventCode, idempotencyKey, clientTime, deviceTime } = request.body;
    const actor = requireActor(request);
    // The key is kept with the scan as sent: a resend without clientTime, or sent later (another deviceTime), is the same request.
    const scan = {
      idempotencyKey: idempotencyKey ?? randomUUID(), clientTime: clientTime ?? ctx.now().toISOString(), eventCode, entryId: peekEntryId(eventCode) ?? undefined,
      requestHash: requestHash({ eventCode, idempotencyKey, clientTime }),
    };
    // An event code is a secret: forged ones count against the person and their address.
    const result = await ctx.attempts.guardFailures(ctx.attempts.keysFor('event-code', request.ip, actor.userId),
      async () => (await checkInBatch(deps, actor, null, [scan], deviceTime ?? null)).results[0]!, (r) => (r.reason === 'forged' || r.reason === 'invalid' ? 1 : 0));
    if (result.reason === 'key_reused') throw idempotencyKeyReused('idempotencyKey');
    return result;
  });

  app.post('/api/v1/entries/:id/walk-ins', {
    schema: { tags, summary: 'Register a walk-in at the door: becomes a participant, checked in at once', params: EntryParamsSchema, body: WalkInSchema, response: { 201: ParticipantSchema } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const { row, checkedInAt } = await registerWalkIn(deps, actor, request.params.id, request.body);
    return reply.status(201).send(presentParticipant(row, {
      canManage: true, actorUserId: actor.userId, withAttendance: true,
      attendance: { organizationId: row.organizationId, participantId: row.id, occurrenceKey: '', entryId: row.entryId, status: 'checked_in', checkedInAt, checkedOutAt: null, method: 'manual', recordedBy: actor.userId, updatedAt: checkedInAt, clockSkewSeconds: null },
    }));
  });

  app.put('/api/v1/entries/:id/participants/:participantId/attendance', {
    schema: { tags, summary: 'Correct one person\'s attendance by hand (absent, times, or not checked in)', params: ParticipantParamsSchema, body: MarkAttendanceSchema,
      response: { 200: z.object({ participantId: z.uuid(), recurrenceId: z.string().nullable(), status: z.string() }) } },
  }, async (request) => markAttendance(deps, requireActor(request), request.params.id, request.params.participantId, request.body));

  app.put('/api/v1/entries/:id/attendance/expected', {
    schema: { tags, summary: 'Set how many people the organiser expects at an occurrence (null: the going count)', params: EntryParamsSchema, body: ExpectedBodySchema,
      response: { 200: z.object({ recurrenceId: z.string().nullable(), expected: z.number().int().nullable() }) } },
  }, async (request) => setExpected(deps, requireActor(request), request.params.id, request.body));

  app.get('/api/v1/entries/:id/participants/:participantId/ticket', {
    schema: { tags, summary: 'A participant\'s personal QR ticket (JSON with the code, or format=png)', params: ParticipantParamsSchema, querystring: CodeQuerySchema, response: { 200: IssuedCodeSchema.or(binary) } },
  }, async (request, reply) => {
    const issued = await issueTicket(deps, requireActor(request), request.params.id, request.params.participantId, request.query.recurrenceId);
    if (request.query.format === 'png') return reply.type('image/png').header('cache-control', 'private, no-store').send(await qrPng(issued.code));
    return { code: issued.code, expiresAt: issued.expiresAt, recurrenceId: issued.recurrenceId };
  });

  app.get('/api/v1/entries/:id/tickets', {
    schema: { tags, summary: 'Printable sheet of every participant\'s ticket (format=html print view, or pdf)', params: EntryParamsSchema, querystring: SheetQuerySchema, response: { 200: z.any() } },
  }, async (request, reply) => {
    const sheet = await issueTicketSheet(deps, requireActor(request), request.params.id, request.query.recurrenceId);
    const when = sheet.recurrenceId ?? formatInZone(sheet.entry.startAt, sheet.entry.timeZone);
    const tickets = sheet.tickets.map((t) => ({ name: t.participant.name, organisation: t.participant.organisation, code: t.code }));
    reply.header('cache-control', 'private, no-store');
    if (request.query.format === 'pdf') {
      return reply.type('application/pdf').header('content-disposition', 'attachment; filename="tickets.pdf"').send(await ticketSheetPdf(sheet.entry.title, when, tickets));
    }
    return reply.type('text/html; charset=utf-8').send(await ticketSheetHtml(sheet.entry.title, when, tickets));
  });

  app.get('/api/v1/entries/:id/event-code', {
    schema: { tags, summary: 'The event\'s self check-in code for an occurrence (JSON, or format=png to show at the venue)', params: EntryParamsSchema, querystring: CodeQuerySchema, response: { 200: IssuedCodeSchema.or(binary) } },
  }, async (request, reply) => {
    const issued = await issueEventCode(deps, requireActor(request), request.params.id, request.query.recurrenceId);
    if (request.query.format === 'png') return reply.type('image/png').header('cache-control', 'private, no-store').send(await qrPng(issued.code));
    return issued;
  });

  app.post('/api/v1/entries/:id/event-code/revoke', {
    schema: { tags, summary: 'Revoke the event code of an occurrence and get a new one', params: EntryParamsSchema, body: z.strictObject({ recurrenceId: z.string().max(40).optional() }), response: { 200: IssuedCodeSchema } },
  }, async (request) => issueEventCode(deps, requireActor(request), request.params.id, request.body.recurrenceId, true));
};
