import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { limitBytes } from './byte-limit.js';

/**
 * Writes an upload to a temporary file (refusing it with 413 past `maxBytes`) and hands its path to
 * `use`, then removes it. The import reads the file, not the socket: its transaction never waits on
 * a slow client (on the embedded engine an open transaction holds every other query), and memory
 * stays flat either way.
 */
export async function withSpooledUpload<T>(body: AsyncIterable<Uint8Array | string>, maxBytes: number, use: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kalendaryo-import-'));
  try {
    const file = path.join(dir, 'upload.ics');
    await pipeline(Readable.from(limitBytes(body, maxBytes)), createWriteStream(file));
    return await use(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
