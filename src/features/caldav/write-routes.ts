import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.js';
import { canEditEntry } from '../calendars/policy.js';
import { findEntry } from '../entries/repository.js';
import { entryWrites } from './entry-writes.js';
import { davError, notFoundHere } from './errors.js';
import type { DavTarget } from './paths.js';
import { checkPreconditions, putResource, refuseProjected } from './put-resource.js';
import { findResourceHeads } from './repository.js';
import { resourceEtag } from './resource-ics.js';
import { canWriteCalendar, davCalendar, type DavScope } from './scope.js';
import { dav } from './xml.js';

const header = (request: FastifyRequest, name: string) => {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
};

/** PUT and DELETE of calendar object resources: everything is written through entry-writes.ts. */
export function writeHandlers(app: FastifyInstance, url: string, scopeOf: (r: FastifyRequest) => DavScope, targetOf: (r: FastifyRequest) => DavTarget): void {
  app.route({
    method: 'PUT', url,
    handler: async (request, reply) => {
      const target = targetOf(request);
      if (target.kind !== 'resource') throw davError(405, 'Only calendar objects (…/<calendar>/<name>.ics) are written with PUT.');
      const type = header(request, 'content-type') ?? '';
      if (!/^text\/calendar\b/i.test(type)) throw davError(415, 'Send the event as text/calendar.');
      const scope = scopeOf(request);
      const calendar = await davCalendar(scope, target.userId, target.calendarId);
      const body = (request.body as Buffer | undefined) ?? Buffer.alloc(0);
      const { created } = await putResource(scope, calendar, target.name, body, { ifMatch: header(request, 'if-match'), ifNoneMatch: header(request, 'if-none-match') });
      return reply.status(created ? 201 : 204).send();
    },
  });

  app.route({
    method: 'DELETE', url,
    handler: async (request, reply) => {
      const target = targetOf(request);
      if (target.kind !== 'resource') throw davError(403, 'Calendars are deleted in Kalendaryo itself, not by a calendar app.');
      const scope = scopeOf(request);
      const calendar = await davCalendar(scope, target.userId, target.calendarId);
      const [head] = await findResourceHeads(scope.database, scope.actor.organizationId, calendar.id, [target.name]);
      if (!head) throw notFoundHere();
      checkPreconditions({ ifMatch: header(request, 'if-match') }, resourceEtag(head.stamp, calendar.level));
      const row = await findEntry(scope.database.db, scope.actor.organizationId, head.id);
      if (!row) throw notFoundHere();
      refuseProjected(row);
      if (!canWriteCalendar(scope, calendar) || !canEditEntry(scope.actor, calendar.level, row)) throw davError(403, 'You may see this event but not delete it.', dav('need-privileges'));
      await scope.database.db.transaction((tx) => entryWrites(tx as unknown as Db, scope.actor).remove(row.id));
      return reply.status(204).send();
    },
  });
}
