import { type Config, ConfigError, loadConfig } from '../config.js';
import { type Database, openDatabase } from '../db/client.js';
import { DataDirBusyError, lockDataDir } from '../db/data-lock.js';
import { migrate } from '../db/migrate.js';

export interface Opened {
  config: Config;
  database: Database;
  /** Migrations this open applied. */
  applied: string[];
  close(): Promise<void>;
}

/** Config + database for a CLI command: migrated, and the embedded data directory locked to this process. */
export async function openForCommand(): Promise<Opened> {
  const config = loadConfig();
  const unlock = config.DATABASE_URL ? () => {} : lockDataDir(config.dataDir);
  try {
    const database = await openDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: config.dataDir });
    const applied = await migrate(database);
    return {
      config,
      database,
      applied,
      async close() {
        await database.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

/** Known failures become one clear line and exit status 1, not a stack trace. */
export function reportCommandError(error: unknown): number {
  if (error instanceof ConfigError || error instanceof DataDirBusyError) {
    process.stderr.write(`kalendaryo: ${error.message}\n`);
    return 1;
  }
  throw error;
}

export function parseFlags(args: string[]): Record<string, string | true> {
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) continue;
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (inline !== undefined) flags[name] = inline;
    else if (args[i + 1] !== undefined && !args[i + 1]!.startsWith('--')) flags[name] = args[++i]!;
    else flags[name] = true;
  }
  return flags;
}
