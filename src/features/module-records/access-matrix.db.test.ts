/**
 * The access matrix of module records: every record type × every role × every action, with the
 * status each must get and, where the record is not theirs to read, no trace of it in the answer.
 * The expected table is written out here by hand from docs/modules.md ("Who may read and change
 * records"), not derived from policy.ts, so that a change of rule shows as a change of this table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app.js';
import { recordSamples } from '../../../test/support/record-samples.js';
import { RECORD_TYPES } from '../modules/index.js';

/** `self` is the staff member the records are about; `approver` a staff member named on them to decide or review. */
const ROLES = ['admin', 'manager', 'self', 'other', 'approver', 'resource_manager', 'viewer'] as const;
type Who = (typeof ROLES)[number];

type Outcome = { list: 'shown' | 'hidden'; q: 'shown' | 'hidden'; read: number; create: number; update: number; decide: number; delete: number };
const SEES: Outcome = { list: 'shown', q: 'shown', read: 200, create: 201, update: 200, decide: 404, delete: 204 };
const READS_ONLY: Outcome = { ...SEES, create: 403, update: 403, delete: 403 };
const NOTHING: Outcome = { list: 'hidden', q: 'hidden', read: 404, create: 403, update: 404, decide: 404, delete: 404 };

/** Internal records: everyone who reads the module sees them; all but viewers and resource managers (view access) write. */
const INTERNAL: Record<Who, Outcome> = {
  admin: SEES, manager: SEES, self: SEES, other: SEES, approver: SEES, resource_manager: READS_ONLY, viewer: READS_ONLY,
};

/**
 * Private records, about `self` ("create" files one about `self`): the person, managers and admins
 * read and change them; a named approver reads them; nobody else sees them, and staff may not file
 * one in someone else's name (403 naming the field).
 */
const PRIVATE: Record<Who, Outcome> = {
  admin: SEES,
  manager: SEES,
  self: SEES,
  other: NOTHING,
  approver: { ...SEES, create: 403, update: 403, delete: 403 },
  resource_manager: NOTHING,
  viewer: NOTHING,
};

/** Leave names no approver here, so any manager or admin decides; the requester may not (403). */
const LEAVE: Record<Who, Outcome> = {
  admin: { ...SEES, decide: 200 },
  manager: { ...SEES, decide: 200 },
  self: { ...SEES, decide: 403 },
  other: NOTHING,
  approver: NOTHING,
  resource_manager: NOTHING,
  viewer: NOTHING,
};

const EXPECTED = (path: string): Record<Who, Outcome> =>
  path === 'staff/leave' ? LEAVE : RECORD_TYPES.find((r) => `${r.module}/${r.type}` === path)!.privacy.level === 'private' ? PRIVATE : INTERNAL;

let t: TestApp;
let as: Record<Who, Session>;
let community: string;
let counter = 0;

beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.login(t.admin.email, t.admin.password);
  as = {
    admin, manager: await t.userSession('manager'), self: await t.userSession('staff'), other: await t.userSession('staff'), approver: await t.userSession('staff'),
    resource_manager: await t.userSession('resource_manager'), viewer: await t.userSession('viewer'),
  };
  community = (await t.as(admin, { method: 'POST', url: '/api/v1/communities', payload: { name: 'Matrix barangay', level: 'region' } })).json().id;
});
afterAll(async () => t?.close());

/** A record of the type about `self`, its title (and leave reason) carrying a marker nobody else may see. */
function sample(path: string) {
  const marker = `Confidential-${++counter}-${path.replace('/', '-')}`;
  return { marker, body: recordSamples({ self: as.self.userId, approver: as.approver.userId, community }, marker)[path]! };
}

async function actOn(path: string, who: Session): Promise<{ outcome: Outcome; leaks: string[] }> {
  const url = `/api/v1/modules/${path}`;
  const { marker, body } = sample(path);
  const created = await t.as(as.self, { method: 'POST', url, payload: body });
  if (created.statusCode !== 201) throw new Error(`${path}: ${created.body}`);
  const id = created.json().id as string;
  const leaks: string[] = [];
  /** The answer of an action that may not see the record carries nothing of it (a list not even its id; other answers echo the asked URL). */
  const noTrace = (action: string, text: string, seen: boolean) => {
    if (!seen && (text.includes(marker) || (action === 'list' || action === 'q') && text.includes(id))) leaks.push(`${action}: ${text.slice(0, 200)}`);
  };
  const shown = async (action: 'list' | 'q', query: string) => {
    const res = await t.as(who, { method: 'GET', url: `${url}?${query}` });
    expect(res.statusCode, `${action} ${res.body}`).toBe(200);
    const seen = (res.json().items as { id: string }[]).some((r) => r.id === id);
    noTrace(action, res.body, seen);
    return seen ? 'shown' as const : 'hidden' as const;
  };
  const status = async (action: string, request: Parameters<TestApp['as']>[1]) => {
    const res = await t.as(who, request);
    noTrace(action, res.body, res.statusCode < 300);
    return res.statusCode;
  };
  const outcome = {
    list: await shown('list', 'limit=200'),
    q: await shown('q', `q=${encodeURIComponent(marker.slice(0, 14))}&limit=200`),
    read: await status('read', { method: 'GET', url: `${url}/${id}` }),
    create: await status('create', { method: 'POST', url, payload: sample(path).body }),
    update: await status('update', { method: 'PATCH', url: `${url}/${id}`, payload: { title: `${marker} (changed)` } }),
    decide: await status('decide', { method: 'POST', url: `${url}/${id}/decision`, payload: { action: 'approve' } }),
    delete: await status('delete', { method: 'DELETE', url: `${url}/${id}` }),
  };
  return { outcome, leaks };
}

describe.each(RECORD_TYPES.map((r) => [`${r.module}/${r.type}`, r.privacy.level]))('%s (%s)', (path) => {
  it.each(ROLES)('as %s: list, list with q=, read, create, update, decide and delete get the statuses of the table, leaking nothing', async (role) => {
    const { outcome, leaks } = await actOn(path, as[role]);
    expect(outcome).toEqual(EXPECTED(path)[role]);
    expect(leaks).toEqual([]);
  });
});
