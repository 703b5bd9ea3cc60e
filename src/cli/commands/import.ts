import { createReadStream, existsSync } from 'node:fs';
import { IcsError } from '../../core/ics/index.js';
import { isIanaZone } from '../../core/time/iana-zone.js';
import { findUserForLogin } from '../../features/auth/repository.js';
import type { Actor } from '../../features/auth/actor.js';
import { importIcs } from '../../features/ics-import/import-ics.js';
import { Problem } from '../../http/problem.js';
import { openForCommand, parseFlags, reportCommandError } from '../open.js';

const USAGE = 'usage: kalendaryo import FILE --calendar ID [--as EMAIL] [--zone ZONE] [--report]\n';

/**
 * `kalendaryo import FILE --calendar ID`: the same import as POST /api/v1/calendars/{id}/import,
 * as the user --as (default: the first administrator, ADMIN_EMAIL). Exit 1 for a refused file.
 */
export async function run(args: string[]): Promise<number | void> {
  const file = args[0] && !args[0].startsWith('--') ? args[0] : undefined;
  const flags = parseFlags(args.slice(file ? 1 : 0));
  if (!file || typeof flags.calendar !== 'string') {
    process.stderr.write(USAGE);
    return 2;
  }
  if (!existsSync(file)) {
    process.stderr.write(`kalendaryo: ${file}: no such file\n`);
    return 1;
  }
  if (typeof flags.zone === 'string' && !isIanaZone(flags.zone)) {
    process.stderr.write(`kalendaryo: --zone ${flags.zone} is not a known IANA time zone\n`);
    return 2;
  }
  try {
    const opened = await openForCommand();
    try {
      const email = typeof flags.as === 'string' ? flags.as : opened.config.ADMIN_EMAIL;
      const user = email ? await findUserForLogin(opened.database.db, email) : null;
      if (!user) {
        process.stderr.write(`kalendaryo: no user has the e-mail ${email ?? '(none given: pass --as EMAIL)'}\n`);
        return 1;
      }
      const actor: Actor = { userId: user.id, organizationId: user.organizationId, email: user.email, name: user.name, role: user.role, timeZone: user.timeZone, via: 'token', csrfToken: null };
      const result = await importIcs(opened.database, actor, createReadStream(file), {
        calendarId: flags.calendar, mode: flags.report ? 'report' : 'all-or-nothing', ...(typeof flags.zone === 'string' ? { zone: flags.zone } : {}),
      });
      process.stdout.write(`${file}: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged, ${result.skipped} skipped\n`);
      for (const item of result.skippedItems) process.stdout.write(`  skipped line ${item.line}: ${item.reason}\n`);
      for (const item of result.refused) process.stdout.write(`  refused line ${item.line}: ${item.reason}\n`);
      return result.refused.length ? 1 : 0;
    } finally {
      await opened.close();
    }
  } catch (error) {
    if (error instanceof Problem) {
      const line = typeof error.extra.line === 'number' ? `${file}:${error.extra.line}: ${String(error.extra.reason)}` : error.detail;
      process.stderr.write(`kalendaryo: ${line}${error.extra.line ? ' (the file was refused; nothing was imported)' : ''}\n`);
      return 1;
    }
    if (error instanceof IcsError) {
      process.stderr.write(`kalendaryo: ${file}:${error.line}: ${error.reason}\n`);
      return 1;
    }
    return reportCommandError(error);
  }
}
