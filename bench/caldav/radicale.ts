import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { basic, davFetch } from './dav-client.js';

const freePort = () => new Promise<number>((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    server.close(() => resolve(port));
  });
});

/** Debian's Radicale in a scratch folder, no authentication (the user is whoever Basic names). */
export async function startRadicale(): Promise<{ baseUrl: string; authorization: string; stop(): void }> {
  const folder = mkdtempSync(path.join(tmpdir(), 'kal-radicale-'));
  const port = await freePort();
  const child: ChildProcess = spawn('/usr/bin/radicale', ['--server-hosts', `127.0.0.1:${port}`, '--auth-type', 'none', '--storage-filesystem-folder', folder, '--logging-level', 'warning'], { stdio: 'ignore' });
  const baseUrl = `http://127.0.0.1:${port}`;
  const authorization = basic('bench', 'bench');
  for (let i = 0; i < 100; i++) {
    try {
      if ((await davFetch(`${baseUrl}/`, authorization, 'OPTIONS')).status < 500) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    baseUrl, authorization,
    stop() {
      child.kill('SIGTERM');
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
