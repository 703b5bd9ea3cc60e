import type { DbOrTx } from '../../db/client.js';
import { invalidField } from '../../http/problem.js';
import { parentLevelOf } from './policy.js';
import { type CommunityRow, findCommunity } from './repository.js';
import type { CommunityLevel } from './schemas.js';

/** The parent a community of `level` may hang under, or a 422 on parentId saying which level it needs. */
export async function checkedParent(db: DbOrTx, organizationId: string, level: CommunityLevel, parentId: string | null): Promise<CommunityRow | null> {
  const wanted = parentLevelOf(level);
  if (wanted === null) {
    if (parentId !== null) throw invalidField('parentId', 'must be null: a region is at the top of the directory', 422);
    return null;
  }
  if (parentId === null) throw invalidField('parentId', `is required: a ${level} belongs to a ${wanted}`, 422);
  const parent = await findCommunity(db, organizationId, parentId);
  if (!parent) throw invalidField('parentId', 'is not a community in the directory', 422);
  if (parent.level !== wanted) throw invalidField('parentId', `must be a ${wanted} (a ${level} belongs to a ${wanted}), not a ${parent.level}`, 422);
  return parent;
}
