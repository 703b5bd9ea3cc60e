import type { Db } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import { createEntry } from '../entries/create-entry.js';
import { editOccurrence } from '../entries/edit-occurrence.js';
import type { EntryRow } from '../entries/repository.js';
import type { EntryCreate, EntryPatch } from '../entries/schemas.js';
import { deleteEntry, updateEntry } from '../entries/update-entry.js';

/**
 * The one door from CalDAV into the entries' write path: every PUT and DELETE changes entries
 * only through these, the same use cases the REST API calls (their checks, conflicts, bookings
 * following their entry …), inside the caller's transaction. Kept to this file so that moving to
 * the entries store (src/features/entries/store.ts) is a change of one file.
 */
export interface EntryWrites {
  /** A new entry with the client's UID. */
  create(input: EntryCreate, uid: string): Promise<EntryRow>;
  update(id: string, patch: EntryPatch): Promise<EntryRow>;
  /** A changed occurrence ("this"): creates the override or changes the one there is. */
  editOccurrence(seriesId: string, recurrenceId: string, patch: EntryPatch): Promise<void>;
  /** Tombstones an entry (a series with its overrides, or one override). */
  remove(id: string): Promise<void>;
}

export function entryWrites(db: Db, actor: Actor): EntryWrites {
  return {
    create: async (input, uid) => (await createEntry({ db }, actor, input, { uid })).row,
    update: async (id, patch) => (await updateEntry({ db }, actor, id, patch, null)).row,
    editOccurrence: async (seriesId, recurrenceId, patch) => void (await editOccurrence({ db }, actor, seriesId, recurrenceId, 'this', patch, null)),
    remove: (id) => deleteEntry({ db }, actor, id, null),
  };
}
