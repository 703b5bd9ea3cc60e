import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export class DataDirBusyError extends Error {
  constructor(readonly dataDir: string, readonly pid: number) {
    super(
      `The embedded database in ${dataDir} is in use by another Kalendaryo process (pid ${pid}). ` +
        'Stop that process first, run this command through its API, or set DATABASE_URL to use PostgreSQL, which many processes can share.',
    );
    this.name = 'DataDirBusyError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * When a process started, in clock ticks since boot (field 22 of /proc/<pid>/stat), or null where
 * there is no /proc (not Linux). A pid and its start time name one process for good: a pid the
 * system handed to another program after a crash has another start time.
 */
export function processStartTime(pid: number | 'self'): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function commandLineOf(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\u0000', ' ');
  } catch {
    return null;
  }
}

/**
 * Whether the process a pid file names still holds the directory. A pid file left by a killed
 * server may name a pid that now belongs to any other program; that must not block start. Files
 * written since this check hold the start time; older ones only the pid, which is trusted when the
 * process's command line is a Kalendaryo one. Without /proc the pid alone decides, as before.
 */
function holdsLock(pid: number, startTime: string | null): boolean {
  if (!isAlive(pid)) return false;
  const actualStart = processStartTime(pid);
  if (actualStart === null) return true;
  if (startTime !== null) return actualStart === startTime;
  return /kalendaryo/i.test(commandLineOf(pid) ?? '');
}

/**
 * PGlite is one process's database: a second process opening the same directory would corrupt it.
 * A pid file (pid and start time) guards it; a stale one (its process gone or another one) is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'kalendaryo.pid');
  const content = [process.pid, processStartTime('self')].filter((v) => v !== null).join(' ');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, content, { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const [pidText, startTime] = readFileSync(file, 'utf8').trim().split(/\s+/);
      const pid = Number(pidText);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && holdsLock(pid, startTime ?? null)) throw new DataDirBusyError(dataDir, pid);
      rmSync(file, { force: true });
    }
  }
  throw new Error(`could not lock ${dataDir}`);
}
