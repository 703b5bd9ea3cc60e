import { Problem } from '../../http/problem.js';

/** Passes a body stream through, refusing it (413) as soon as it grows past `maxBytes`: nothing is buffered. */
export async function* limitBytes(chunks: AsyncIterable<Uint8Array | string>, maxBytes: number): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += bytes.length;
    if (total > maxBytes) {
      throw new Problem(413, 'Payload Too Large', `The calendar file is larger than ${maxBytes} bytes, the most one import accepts.`, [], { limit: maxBytes });
    }
    yield bytes;
  }
}
