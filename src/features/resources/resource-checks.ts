import { validateWeeklyHours, type WeeklyHours } from '../../core/resources/index.js';
import type { DbOrTx } from '../../db/client.js';
import { badRequest, forbidden, invalidField } from '../../http/problem.js';
import type { Actor } from '../auth/actor.js';
import { communityExists } from '../entries/repository.js';
import { canManageResources } from './policy.js';

export function requireResourceManager(actor: Actor): void {
  if (!canManageResources(actor)) throw forbidden('Only resource managers and admins manage resources.');
}

/** What zod cannot see alone: hours that end before they start, a home base that is not in the directory. */
export async function checkResourceInput(db: DbOrTx, actor: Actor, input: { bookableHours?: WeeklyHours | null; homeCommunityId?: string | null }): Promise<void> {
  if (input.bookableHours) {
    const problems = validateWeeklyHours(input.bookableHours);
    if (problems.length) throw badRequest(problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
  }
  if (input.homeCommunityId && !(await communityExists(db, actor.organizationId, input.homeCommunityId))) {
    throw invalidField('homeCommunityId', 'is not a community in the directory', 422);
  }
}
