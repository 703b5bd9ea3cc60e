import type { Role } from '../../db/schema/users.js';

/** Who is making a request: the input every policy and use case takes. */
export interface Actor {
  userId: string;
  organizationId: string;
  email: string;
  name: string;
  role: Role;
  timeZone: string;
  via: 'session' | 'token';
  csrfToken: string | null;
}

export const isAdmin = (actor: Actor): boolean => actor.role === 'admin';
