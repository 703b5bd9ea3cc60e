import type { Db } from '../../db/client.js';
import { invalidField, notFound, Problem } from '../../http/problem.js';
import type { Actor } from '../auth/actor.js';
import { newSecret, sha256 } from '../auth/secrets.js';
import { listAccessibleCalendars } from '../calendars/repository.js';
import { countFeeds, type FeedRow, insertFeed, rotateFeedRow } from './repository.js';
import { type FeedCreate, MAX_FEEDS_PER_USER } from './schemas.js';

/** 256 random bits; only the SHA-256 is kept, the first characters shown to tell feeds apart. */
function feedSecret() {
  const secret = newSecret('kf_');
  return { secret, stored: { tokenHash: sha256(secret), tokenPrefix: secret.slice(0, 9) } };
}

/** Makes a feed of what the actor may see (the calendars named must be ones they see); the secret is returned once. */
export async function createFeed(deps: { db: Db; now: () => Date }, actor: Actor, input: FeedCreate): Promise<{ row: FeedRow; secret: string }> {
  if (input.calendars) {
    const visible = new Set((await listAccessibleCalendars(deps.db, actor)).map((c) => c.id));
    const index = input.calendars.findIndex((id) => !visible.has(id));
    if (index >= 0) throw invalidField(`calendars.${index}`, 'is not a calendar you can see', 422);
  }
  const owner = { organizationId: actor.organizationId, userId: actor.userId };
  if ((await countFeeds(deps.db, owner)) >= MAX_FEEDS_PER_USER) {
    throw new Problem(422, 'Unprocessable Content', `You have ${MAX_FEEDS_PER_USER} subscription URLs; revoke one you no longer use first.`);
  }
  const { secret, stored } = feedSecret();
  const row = await insertFeed(deps.db, {
    organizationId: actor.organizationId, ownerId: actor.userId, name: input.name, calendarIds: input.calendars ? [...new Set(input.calendars)] : null,
    filters: input.filters, detail: input.detail, ...stored, contentChangedAt: deps.now(),
  });
  return { row, secret };
}

/** A new secret for the feed: subscribers of the old URL get 404 from now on. */
export async function rotateFeed(deps: { db: Db; now: () => Date }, actor: Actor, id: string): Promise<{ row: FeedRow; secret: string }> {
  const { secret, stored } = feedSecret();
  const row = await rotateFeedRow(deps.db, { organizationId: actor.organizationId, userId: actor.userId }, id, stored, deps.now());
  if (!row) throw notFound('Subscription URL');
  return { row, secret };
}
