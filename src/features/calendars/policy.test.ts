import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor.js';
import { canEditEntry, canSeeEntryDetails, type Detail, detailFor, type EntryForPolicy, userViewer, type Viewer } from './policy.js';

const actor = (userId: string, role: Actor['role'] = 'staff'): Actor => ({
  userId, organizationId: 'org', email: `${userId}@x`, name: userId, role, timeZone: 'Asia/Manila', via: 'session', csrfToken: null,
});
const me = actor('me');
const entry = (visibility: string, extra: Partial<EntryForPolicy> = {}): EntryForPolicy => ({ visibility, organizerId: 'other', createdBy: 'other', ...extra });
const feed = (cap: Viewer['cap']): Viewer => ({ actor: me, cap });

describe('detailFor: what a viewer sees of an entry', () => {
  it('shows nothing of a calendar without access, busy blocks at free/busy, everything at view', () => {
    expect(detailFor(userViewer(me), null, entry('public'))).toBe('none');
    expect(detailFor(userViewer(me), 'freebusy', entry('public'))).toBe('busy');
    expect(detailFor(userViewer(me), 'view', entry('internal'))).toBe('full');
  });

  it('keeps others\' private entries busy, but not from their organizer or a manager of the calendar', () => {
    expect(detailFor(userViewer(me), 'edit', entry('private'))).toBe('busy');
    expect(detailFor(userViewer(me), 'view', entry('private', { organizerId: 'me' }))).toBe('full');
    expect(detailFor(userViewer(me), 'manage', entry('private'))).toBe('full');
  });

  it('keeps a changed occurrence of a private series busy even when the occurrence says internal', () => {
    const override = entry('internal', { seriesVisibility: 'private' });
    expect(detailFor(userViewer(me), 'view', override)).toBe('busy');
    expect(canSeeEntryDetails(me, 'edit', override)).toBe(false);
    expect(canEditEntry(me, 'edit', override)).toBe(false);
  });

  it('never gives a feed more than its cap, nor more than its owner may see', () => {
    const cases: [Viewer['cap'], Detail, Detail][] = [
      ['busy', 'full', 'busy'],
      ['titles', 'full', 'titles'],
      ['full', 'full', 'full'],
      ['titles', 'busy', 'busy'],
    ];
    for (const [cap, ownerSees, expected] of cases) {
      const seen = ownerSees === 'full' ? entry('internal') : entry('private');
      expect(detailFor(feed(cap), 'view', seen), `${cap} / ${ownerSees}`).toBe(expected);
    }
    expect(detailFor(feed('full'), null, entry('public'))).toBe('none');
  });
});
