import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/context.js';
import { addParticipant } from './add-participant.js';
import { checkInRoutes } from './check-in-routes.js';
import { reportRoutes } from './report-routes.js';
import { answerOwnRsvp, answerRsvpByLink, describeRsvpLink } from './answer-rsvp.js';
import { listEntryParticipants } from './list-participants.js';
import { presentParticipant } from './presenter.js';
import { defineReportFields, loadReportFields } from './report-fields.js';
import { registerRsvpPage } from './rsvp-page.js';
import {
  EntryParamsSchema, OccurrenceQuerySchema, ParticipantCreateSchema, ParticipantListSchema, ParticipantParamsSchema, ParticipantPatchSchema,
  ParticipantSchema, ReportFieldsBodySchema, ReportFieldsSchema, RsvpBodySchema, RsvpLinkBodySchema, RsvpLinkInfoSchema, TokenQuerySchema,
} from './schemas.js';
import { removeParticipant, updateParticipant } from './update-participant.js';

const tags = ['attendance'];
const RsvpResultSchema = z.object({ participantId: z.uuid(), response: z.enum(['going', 'maybe', 'declined']), recurrenceId: z.string().nullable() });

export const attendanceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const deps = { db: ctx.db, config: ctx.config, signingKey: ctx.signingKey, now: ctx.now };
  // A signed link is a secret: tampered, expired or revoked ones count against the client's address.
  const guardLink = <T>(address: string, attempt: () => Promise<T>) => ctx.attempts.guardFailures(ctx.attempts.keysFor('rsvp-link', address), attempt);
  const present = (actorUserId: string, row: Parameters<typeof presentParticipant>[0]) =>
    presentParticipant(row, { canManage: true, actorUserId, withAttendance: false });

  app.get('/api/v1/entries/:id/participants', {
    schema: { tags, summary: 'Participants of an entry with the RSVP and attendance counts (of one occurrence with recurrenceId)', params: EntryParamsSchema, querystring: OccurrenceQuerySchema, response: { 200: ParticipantListSchema } },
  }, async (request) => listEntryParticipants(deps, requireActor(request), request.params.id, request.query.recurrenceId));

  app.post('/api/v1/entries/:id/participants', {
    schema: { tags, summary: 'Invite a participant (a staff user or an external contact); sends the invitation with a reply link', params: EntryParamsSchema, body: ParticipantCreateSchema, response: { 201: ParticipantSchema } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const { row } = await addParticipant(deps, actor, request.params.id, request.body);
    return reply.status(201).send(present(actor.userId, row));
  });

  app.patch('/api/v1/entries/:id/participants/:participantId', {
    schema: { tags, summary: 'Change a participant (contact, role, report fields) or revoke their QR ticket', params: ParticipantParamsSchema, body: ParticipantPatchSchema, response: { 200: ParticipantSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    const { row } = await updateParticipant(deps, actor, request.params.id, request.params.participantId, request.body);
    return present(actor.userId, row);
  });

  app.delete('/api/v1/entries/:id/participants/:participantId', {
    schema: { tags, summary: 'Remove a participant (their reply link and tickets stop working)', params: ParticipantParamsSchema, response: { 204: z.null() } },
  }, async (request, reply) => {
    await removeParticipant(deps, requireActor(request), request.params.id, request.params.participantId);
    return reply.status(204).send(null);
  });

  app.post('/api/v1/entries/:id/rsvp', {
    schema: { tags, summary: 'Answer your own invitation (for one occurrence with recurrenceId, else the whole series)', params: EntryParamsSchema, body: RsvpBodySchema, response: { 200: RsvpResultSchema } },
  }, async (request) => answerOwnRsvp(deps, requireActor(request), request.params.id, request.body));

  app.get('/api/v1/rsvp', {
    schema: { tags, summary: 'What a signed reply link is about (no sign-in needed; 429 after too many bad links from one address)', security: [], querystring: TokenQuerySchema, response: { 200: RsvpLinkInfoSchema } },
  }, async (request) => guardLink(request.ip, async () => (await describeRsvpLink(deps, request.query.token)).info));

  app.post('/api/v1/rsvp', {
    schema: { tags, summary: 'Answer through a signed reply link (no sign-in needed; 410 when expired, 400 when changed)', security: [], body: RsvpLinkBodySchema, response: { 200: RsvpResultSchema } },
  }, async (request) => guardLink(request.ip, () => answerRsvpByLink(deps, request.body.token, request.body.response)));

  app.get('/api/v1/attendance/report-fields', {
    schema: { tags, summary: 'The organisation\'s extra participant fields for reports (sex, sector, …)', response: { 200: ReportFieldsSchema } },
  }, async (request) => ({ fields: await loadReportFields(ctx.db, requireActor(request).organizationId) }));

  app.put('/api/v1/attendance/report-fields', {
    schema: { tags, summary: 'Replace the organisation\'s report fields (admins and managers)', body: ReportFieldsBodySchema, response: { 200: ReportFieldsSchema } },
  }, async (request) => ({ fields: await defineReportFields(deps, requireActor(request), request.body.fields) }));

  registerRsvpPage(app, guardLink);
  await app.register(checkInRoutes);
  await app.register(reportRoutes);
};
