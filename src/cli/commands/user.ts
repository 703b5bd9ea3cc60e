import { z } from 'zod';
import { ROLES } from '../../db/schema/users.js';
import { bootstrap } from '../../features/setup/bootstrap.js';
import { findUserForLogin } from '../../features/auth/repository.js';
import { createUser } from '../../features/users/create-user.js';
import { openForCommand, parseFlags, reportCommandError } from '../open.js';

const Args = z.object({
  email: z.string().email('--email must be an e-mail address'),
  password: z.string().min(10, '--password must be at least 10 characters'),
  role: z.enum(ROLES, { message: `--role must be one of ${ROLES.join(', ')}` }).default('staff'),
  name: z.string().min(1).optional(),
});

/** `kalendaryo user create --email E --password P --role R [--name N]` */
export async function run(args: string[]): Promise<number | void> {
  if (args[0] !== 'create') {
    process.stderr.write('usage: kalendaryo user create --email E --password P [--role admin|manager|staff|resource_manager|viewer] [--name N]\n');
    return 2;
  }
  const parsed = Args.safeParse(parseFlags(args.slice(1)));
  if (!parsed.success) {
    process.stderr.write(`kalendaryo: ${parsed.error.issues.map((i) => i.message).join('; ')}\n`);
    return 2;
  }
  try {
    const opened = await openForCommand();
    try {
      const { organizationId } = await bootstrap(opened.database.db, { adminEmail: opened.config.ADMIN_EMAIL });
      if (await findUserForLogin(opened.database.db, parsed.data.email)) {
        process.stderr.write(`kalendaryo: a user with the e-mail ${parsed.data.email} exists already\n`);
        return 1;
      }
      const { email, password, role } = parsed.data;
      const user = await opened.database.db.transaction((tx) =>
        createUser(tx, { organizationId, email, password, role, name: parsed.data.name ?? email.split('@')[0]! }),
      );
      process.stdout.write(`created ${user.role} ${user.email} (${user.id})\n`);
    } finally {
      await opened.close();
    }
  } catch (error) {
    return reportCommandError(error);
  }
}
