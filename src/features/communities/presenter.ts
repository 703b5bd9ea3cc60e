import type { Actor } from '../auth/actor.js';
import { canManageCommunities } from './policy.js';
import type { CommunityRow } from './repository.js';
import type { CommunityDto, CommunityLevel } from './schemas.js';

export function presentCommunity(actor: Actor, row: CommunityRow): CommunityDto {
  const canEdit = canManageCommunities(actor);
  return {
    id: row.id,
    parentId: row.parentId,
    level: row.level as CommunityLevel,
    name: row.name,
    code: row.code,
    latitude: row.latitude,
    longitude: row.longitude,
    path: row.path,
    canEdit,
    canDelete: canEdit,
  };
}
