import { count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { calendarAccess, calendars } from '../../db/schema/calendars.js';
import { organizations } from '../../db/schema/organizations.js';
import { users } from '../../db/schema/users.js';
import { generatePassword } from '../auth/secrets.js';
import { MODULE_META, MODULES } from '../modules/index.js';
import { createUser } from '../users/create-user.js';

/**
 * One organisation calendar per module to begin with, in the module's colour (WCAG AA with white
 * text); general entries belong to no module calendar.
 */
export const MODULE_CALENDARS = MODULES.filter((m) => m !== 'general').map((module) => ({
  module,
  name: MODULE_META[module].label,
  color: MODULE_META[module].colour,
}));

const DEFAULT_ROLE_ACCESS = [
  { role: 'manager', level: 'edit' },
  { role: 'staff', level: 'edit' },
  { role: 'resource_manager', level: 'view' },
  { role: 'viewer', level: 'view' },
] as const;

export interface BootstrapResult {
  organizationId: string;
  createdAdmin: { email: string; password: string } | null;
}

/**
 * Makes a fresh database usable: the organisation, its module and holiday calendars and, when
 * there is no user at all, an administrator with a one-time password for the operator to print.
 */
export async function bootstrap(db: Db, options: { adminEmail: string; organizationName?: string }): Promise<BootstrapResult> {
  return db.transaction(async (tx) => {
    let [org] = await tx.select().from(organizations).limit(1);
    if (!org) {
      [org] = await tx.insert(organizations).values({ name: options.organizationName ?? 'Kalendaryo', slug: 'default' }).returning();
      for (const spec of MODULE_CALENDARS) {
        const [calendar] = await tx.insert(calendars).values({ organizationId: org!.id, type: 'organisation', ...spec }).returning();
        await tx.insert(calendarAccess).values(DEFAULT_ROLE_ACCESS.map((a) => ({ organizationId: org!.id, calendarId: calendar!.id, ...a })));
      }
      await tx.insert(calendars).values({
        organizationId: org!.id, type: 'holidays', name: 'Holidays and observances', color: '#475569', isReadOnly: true,
      });
    }
    const organizationId = org!.id;
    const [{ value: userCount } = { value: 0 }] = await tx.select({ value: count() }).from(users).where(eq(users.organizationId, organizationId));
    if (userCount > 0) return { organizationId, createdAdmin: null };
    const password = generatePassword();
    await createUser(tx, {
      organizationId, email: options.adminEmail, name: 'Administrator', role: 'admin', password, mustChangePassword: true,
    });
    return { organizationId, createdAdmin: { email: options.adminEmail, password } };
  });
}
