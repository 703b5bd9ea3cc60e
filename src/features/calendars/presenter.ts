import type { Actor } from '../auth/actor.js';
import { canCreateInCalendar, canManageCalendar } from './policy.js';
import type { CalendarWithLevel } from './repository.js';
import type { CalendarDto } from './schemas.js';

export function presentCalendar(actor: Actor, calendar: CalendarWithLevel): CalendarDto {
  return {
    id: calendar.id,
    name: calendar.name,
    description: calendar.description,
    type: calendar.type,
    module: calendar.module,
    color: calendar.color,
    ownerId: calendar.ownerId,
    isReadOnly: calendar.isReadOnly,
    access: calendar.level,
    canCreateEntries: !calendar.isReadOnly && canCreateInCalendar(actor, calendar.level),
    canManage: canManageCalendar(calendar.level),
  };
}
