import type { users } from '../../db/schema/users.js';
import type { User } from './schemas.js';

export function presentUser(row: typeof users.$inferSelect): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    timeZone: row.timeZone,
    unit: row.unit,
    isActive: row.isActive,
  };
}
