import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { Problem } from '../../http/problem.js';
import { acquireActorCache } from '../auth/actor-cache.js';
import { userViewer } from '../calendars/policy.js';
import { authenticateBasic } from './basic-auth.js';
import { DavError, davError, davErrorBody } from './errors.js';
import { FailureLimiter } from './failure-limiter.js';
import { type DavTarget, DAV_ROOT, parseDavPath } from './paths.js';
import { MAX_RESOURCE_BYTES } from './properties.js';
import { propfind, readPropfind } from './propfind.js';
import { readCollection, readResource } from './read-resource.js';
import { calendarMultiget, calendarQuery, freeBusyQuery } from './reports.js';
import { ReportCache } from './report-cache.js';
import { ResourceAnswers } from './resource-answers.js';
import { davCalendar, type DavScope } from './scope.js';
import { syncCollection } from './sync-collection.js';
import { writeHandlers } from './write-routes.js';
import { dav, el, NS, parseXml, type XmlElement, XmlError, type XmlNode, xmlDocument } from './xml.js';

const DAV_METHODS = ['PROPFIND', 'REPORT', 'PROPPATCH', 'MKCALENDAR', 'MKCOL'] as const;
const ALLOW = 'OPTIONS, GET, HEAD, PUT, DELETE, PROPFIND, PROPPATCH, REPORT';
const XML = 'application/xml; charset=utf-8';

/** Custom methods must be known to the server before any route uses them. */
export function addDavMethods(app: FastifyInstance): void {
  for (const method of DAV_METHODS) if (!app.supportedMethods.includes(method)) app.addHttpMethod(method, { hasBody: true });
}

export const sendMultistatus = (reply: FastifyReply, node: Parameters<typeof xmlDocument>[0]) => reply.status(207).type(XML).send(xmlDocument(node));

function depthOf(request: FastifyRequest): 0 | 1 {
  const depth = String(request.headers.depth ?? '0').trim().toLowerCase();
  if (depth === '0') return 0;
  if (depth === '1') return 1;
  if (depth === 'infinity') throw davError(403, 'PROPFIND with Depth: infinity is not served; ask for depth 0 or 1.', dav('propfind-finite-depth'));
  throw davError(400, 'Depth must be 0, 1 or infinity.');
}

function xmlBody(request: FastifyRequest): XmlElement | null {
  const body = request.body as Buffer | undefined;
  if (!body || body.length === 0) return null;
  try {
    return parseXml(body.toString('utf8'));
  } catch (error) {
    if (error instanceof XmlError) throw davError(400, error.message);
    throw error;
  }
}

function targetOf(request: FastifyRequest): DavTarget {
  const target = parseDavPath(request.url);
  if (!target) throw davError(404, 'Nothing is here.');
  return target;
}

const isUniqueViolation = (error: { code?: string; cause?: unknown }) => (error.code ?? (error.cause as { code?: string } | undefined)?.code) === '23505';

/** Maps any error of a DAV request to its status and a DAV:error body (never problem+json: DAV clients read XML). */
function sendError(error: Error & { statusCode?: number; code?: string }, request: FastifyRequest, reply: FastifyReply) {
  let dav: DavError;
  if (error instanceof DavError) dav = error;
  else if (error instanceof Problem) dav = new DavError(error.status === 422 ? 400 : error.status, error.detail);
  else if (isUniqueViolation(error)) dav = davError(409, 'Another request wrote the same event at the same time; read it again.');
  else if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') dav = davError(413, `The body is larger than ${MAX_RESOURCE_BYTES} bytes.`, el(NS.CALDAV, 'max-resource-size'));
  else if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) dav = davError(error.statusCode, error.message);
  else {
    request.log.error({ err: error }, 'DAV request failed');
    dav = davError(500, 'Something went wrong on our side; it has been logged.');
  }
  void reply.status(dav.status).headers(dav.headers).type(XML).send(davErrorBody(dav));
}

/**
 * The CalDAV server (RFC 4791, RFC 6578 sync, RFC 6764 discovery; docs/caldav.md) under /dav/,
 * plus discovery at the site root and /.well-known/caldav. Every request but OPTIONS signs in with
 * HTTP Basic (e-mail and personal API token); every answer goes through the one viewer policy.
 */
export async function caldavRoutes(app: FastifyInstance): Promise<void> {
  const { database, now, config, occurrenceCache } = app.ctx;
  const { cache, release } = acquireActorCache(database);
  app.addHook('onClose', release);
  const limiter = new FailureLimiter(config.LOGIN_RATE_LIMIT);
  const answers = new ResourceAnswers();
  const reports = new ReportCache();

  const scopeOf = (request: FastifyRequest): DavScope => ({
    database, actor: request.actor!, viewer: userViewer(request.actor!), nowMs: now().getTime(), cache: occurrenceCache, answers,
  });

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_RESOURCE_BYTES }, (_request, body, done) => done(null, body));
  app.setErrorHandler(sendError);
  app.addHook('onRequest', async (request, reply) => {
    void reply.header('dav', '1, 3, calendar-access').header('allow', ALLOW);
    if (request.method === 'OPTIONS' || request.url.startsWith('/.well-known/')) return;
    request.actor = await authenticateBasic({ database, cache, limiter, nowMs: now().getTime() }, request.headers.authorization, request.ip);
  });

  const options = async (_request: FastifyRequest, reply: FastifyReply) => reply.status(200).send();
  for (const url of ['/', '/dav', '/dav/*']) app.options(url, options);
  // RFC 6764 §5: the well-known URI points at the context root.
  for (const method of ['GET', 'PROPFIND', 'OPTIONS'] as const) {
    app.route({ method, url: '/.well-known/caldav', handler: async (_request, reply) => reply.redirect(DAV_ROOT, 301) });
  }

  // Clients given only the site's address ask it who they are.
  app.route({
    method: 'PROPFIND', url: '/',
    handler: async (request, reply) => sendMultistatus(reply, await propfind(scopeOf(request), { kind: 'root' }, '/', 0, readPropfind(xmlBody(request)))),
  });

  for (const url of ['/dav', '/dav/*']) {
    app.route({
      method: 'PROPFIND', url,
      handler: async (request, reply) => {
        const depth = depthOf(request);
        const target = targetOf(request);
        return sendMultistatus(reply, await propfind(scopeOf(request), target, target.kind === 'root' ? DAV_ROOT : request.url.split('?')[0]!, depth, readPropfind(xmlBody(request))));
      },
    });

    app.route({
      method: 'REPORT', url,
      handler: async (request, reply) => {
        const target = targetOf(request);
        const body = xmlBody(request);
        if (!body) throw davError(400, 'A REPORT needs a body naming the report.');
        if (target.kind !== 'collection') throw davError(403, 'Reports are answered on calendar collections.', dav('supported-report'));
        const scope = scopeOf(request);
        const calendar = await davCalendar(scope, target.userId, target.calendarId);
        const is = (ns: string, name: string) => body.ns === ns && body.name === name;
        const kept = (answer: (s: DavScope, c: typeof calendar, b: XmlElement) => Promise<XmlNode>) =>
          reports.answer(scope, calendar, request.body as Buffer, async () => xmlDocument(await answer(scope, calendar, body)));
        if (is(NS.CALDAV, 'calendar-query')) return reply.status(207).type(XML).send(await kept(calendarQuery));
        if (is(NS.CALDAV, 'calendar-multiget')) return reply.status(207).type(XML).send(await kept(calendarMultiget));
        if (is(NS.DAV, 'sync-collection')) return sendMultistatus(reply, await syncCollection(scope, calendar, body));
        if (is(NS.CALDAV, 'free-busy-query')) return reply.status(200).type('text/calendar; charset=utf-8').send(await freeBusyQuery(scope, calendar, body));
        // RFC 3253 §3.6: a report the resource does not support is 403 with DAV:supported-report.
        throw davError(403, `The report ${body.name} is not supported here.`, dav('supported-report'));
      },
    });

    app.route({
      method: 'GET', url,
      handler: async (request, reply) => {
        const target = targetOf(request);
        const scope = scopeOf(request);
        if (target.kind === 'collection') {
          const calendar = await davCalendar(scope, target.userId, target.calendarId);
          return reply.type('text/calendar; charset=utf-8').send(Readable.from(readCollection(scope, calendar)));
        }
        if (target.kind !== 'resource') throw davError(405, 'This is a collection for CalDAV clients; add it to a calendar app.');
        const calendar = await davCalendar(scope, target.userId, target.calendarId);
        const { etag, body } = await readResource(scope, calendar, target.name);
        void reply.header('etag', etag);
        if (request.headers['if-none-match'] === etag) return reply.status(304).send();
        return reply.type('text/calendar; charset=utf-8').send(body);
      },
    });

    app.route({
      method: 'PROPPATCH', url,
      handler: async (request, reply) => {
        const target = targetOf(request);
        await propfind(scopeOf(request), target, request.url, 0, []);
        // Names and colours are set in Kalendaryo itself; each property asked to change is refused.
        const update = xmlBody(request);
        const names = (update?.children ?? []).flatMap((action) => action.children.filter((c) => c.ns === NS.DAV && c.name === 'prop').flatMap((p) => p.children));
        return sendMultistatus(reply, dav('multistatus', [dav('response', [
          dav('href', request.url.split('?')[0]!),
          dav('propstat', [dav('prop', names.map((n) => el(n.ns, n.name))), dav('status', 'HTTP/1.1 403 Forbidden'), dav('error', [dav('cannot-modify-protected-property')])]),
        ])]));
      },
    });

    for (const method of ['MKCALENDAR', 'MKCOL'] as const) {
      app.route({ method, url, handler: async () => { throw davError(403, 'Calendars are made in Kalendaryo itself, not by a calendar app.', dav('resource-must-be-null')); } });
    }
    writeHandlers(app, url, scopeOf, targetOf);
  }
}
