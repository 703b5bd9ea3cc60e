import type { Actor } from '../auth/actor.js';
import { COMMUNITY_LEVELS, type CommunityLevel } from './schemas.js';

/** Everyone in the organisation reads the directory; admins and managers keep it. */
export const canManageCommunities = (actor: Actor): boolean => actor.role === 'admin' || actor.role === 'manager';

/** The level a community's parent must have: region › province › municipality › barangay (null = top). */
export function parentLevelOf(level: CommunityLevel): CommunityLevel | null {
  const index = COMMUNITY_LEVELS.indexOf(level);
  return index === 0 ? null : COMMUNITY_LEVELS[index - 1]!;
}

export function childLevelOf(level: CommunityLevel): CommunityLevel | null {
  return COMMUNITY_LEVELS[COMMUNITY_LEVELS.indexOf(level) + 1] ?? null;
}
