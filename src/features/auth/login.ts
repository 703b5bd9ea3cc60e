import type { Db } from '../../db/client.js';
import { unauthorized } from '../../http/problem.js';
import { findUserForLogin, insertSession } from './repository.js';
import { newSecret, sha256, verifyPassword } from './secrets.js';

// Verified when the e-mail is unknown, so a wrong address costs as long as a wrong password.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2bG1mVqfCq3mWk0cC0rH1TnS7V2l0bq3wZr0Pq6oYtM';

export interface LoginResult {
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
  userId: string;
}

export async function login(
  deps: { db: Db; now: () => Date; sessionTtlHours: number },
  input: { email: string; password: string },
): Promise<LoginResult> {
  const user = await findUserForLogin(deps.db, input.email);
  const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, input.password);
  if (!user || !ok || !user.isActive) throw unauthorized('The e-mail or password is not right.');
  const sessionToken = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(deps.now().getTime() + deps.sessionTtlHours * 3_600_000);
  await insertSession(deps.db, {
    tokenHash: sha256(sessionToken),
    organizationId: user.organizationId,
    userId: user.id,
    csrfToken,
    expiresAt,
  });
  return { sessionToken, csrfToken, expiresAt, userId: user.id };
}
