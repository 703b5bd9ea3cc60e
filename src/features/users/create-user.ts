import type { DbOrTx } from '../../db/client.js';
import { calendars } from '../../db/schema/calendars.js';
import { type Role, users } from '../../db/schema/users.js';
import { hashPassword } from '../auth/secrets.js';

export interface NewUser {
  organizationId: string;
  email: string;
  name: string;
  role: Role;
  password?: string | null;
  timeZone?: string;
  unit?: string | null;
  mustChangePassword?: boolean;
}

/** A user always comes with a personal calendar, so "my calendar" exists from the first sign-in. */
export async function createUser(db: DbOrTx, input: NewUser) {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const [user] = await db
    .insert(users)
    .values({
      organizationId: input.organizationId,
      email: input.email.trim(),
      name: input.name,
      role: input.role,
      timeZone: input.timeZone ?? 'Asia/Manila',
      unit: input.unit ?? null,
      passwordHash,
      mustChangePassword: input.mustChangePassword ?? false,
    })
    .returning();
  await db.insert(calendars).values({
    organizationId: input.organizationId,
    name: input.name,
    type: 'personal',
    ownerId: user!.id,
    color: '#5b6b7f',
  });
  return user!;
}
