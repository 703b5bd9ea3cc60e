import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const HERE = path.dirname(new URL(import.meta.url).pathname);

/** Debian's Python (with python3-caldav), not the pyenv one first on PATH. */
export const PYTHON = '/usr/bin/python3';

export interface ClientAccount {
  baseUrl: string;
  email: string;
  token: string;
  calendarId: string;
}

/** One step of test/clients/caldav_client.py; its JSON answer (a DAV error as { error, reason }). */
export async function caldavStep(account: ClientAccount, step: string, ...args: string[]): Promise<Record<string, unknown>> {
  const argv = [path.join(HERE, 'caldav_client.py'), account.baseUrl, account.email, account.token, account.calendarId, step, ...args];
  try {
    const { stdout } = await run(PYTHON, argv, { timeout: 60_000 });
    return JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    if (stdout?.trim().startsWith('{')) return JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
    throw new Error(`caldav_client.py ${step} failed: ${stderr ?? String(error)}`);
  }
}

/** A scratch folder for a client's files, removed by the returned function. */
export function scratch(prefix: string): { dir: string; write(name: string, text: string): string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return {
    dir,
    write(name, text) {
      const file = path.join(dir, name);
      writeFileSync(file, text);
      return file;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A program of the machine (vdirsyncer, khal) with its output and exit code, never throwing on failure. */
export async function program(command: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(command, args, { timeout: 120_000, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof code === 'number' ? code : 1, stdout: stdout ?? '', stderr: stderr ?? String(error) };
  }
}
