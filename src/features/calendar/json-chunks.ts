const CHUNK_BYTES = 64 * 1024;
const OPEN = Buffer.from('[');
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']');

/** The JSON array of already encoded parts, about 64 KB at a time (big single buffers cost fresh memory). */
export function* jsonArrayChunks(parts: Buffer[]): Generator<Buffer> {
  let pending: Buffer[] = [OPEN];
  let size = 1;
  for (let i = 0; i < parts.length; i++) {
    if (i > 0) {
      pending.push(COMMA);
      size += 1;
    }
    pending.push(parts[i]!);
    size += parts[i]!.length;
    if (size >= CHUNK_BYTES) {
      yield Buffer.concat(pending, size);
      pending = [];
      size = 0;
    }
  }
  pending.push(CLOSE);
  yield Buffer.concat(pending, size + 1);
}
