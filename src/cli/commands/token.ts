import { findUserForLogin } from '../../features/auth/repository.js';
import { createApiToken } from '../../features/auth/tokens.js';
import { openForCommand, parseFlags, reportCommandError } from '../open.js';

/** `kalendaryo token create --email E [--name N]`: prints a personal API token once. */
export async function run(args: string[]): Promise<number | void> {
  const flags = parseFlags(args.slice(1));
  if (args[0] !== 'create' || typeof flags.email !== 'string') {
    process.stderr.write('usage: kalendaryo token create --email E [--name N]\n');
    return 2;
  }
  try {
    const opened = await openForCommand();
    try {
      const user = await findUserForLogin(opened.database.db, flags.email);
      if (!user) {
        process.stderr.write(`kalendaryo: no user has the e-mail ${flags.email}\n`);
        return 1;
      }
      const name = typeof flags.name === 'string' ? flags.name : 'created with the CLI';
      const { token } = await createApiToken(opened.database.db, { userId: user.id, organizationId: user.organizationId }, name);
      process.stdout.write(`${token}\n`);
    } finally {
      await opened.close();
    }
  } catch (error) {
    return reportCommandError(error);
  }
}
